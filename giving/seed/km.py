"""Khmer version of 'Ways to give' (en.py), keyed by the English slug.

Same facts as the English text, nothing added; to be reviewed by a native Khmer speaker before launch."""

WAYS_TO_GIVE = {
    "title": "វិធីផ្ដល់ជំនួយ",
    "intro": (
        "អំណោយរបស់អ្នកគាំទ្រការងាររបស់ APLE ប្រឆាំងនឹងការរំលោភបំពាន និងការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារនៅកម្ពុជា៖ "
        "ជួយប្រព័ន្ធយុត្តិធម៌ឱ្យឆ្លើយតប នៅក្បែរកុមារ និងគ្រួសាររបស់ពួកគេក្នុងអំឡុងពេលនីតិវិធីតុលាការ "
        "និងជួយសហគមន៍ឱ្យទប់ស្កាត់ និងរាយការណ៍អំពីការរំលោភបំពាន។"
    ),
    "listing_summary": "របៀបគាំទ្រការងាររបស់ APLE សម្រាប់កុមារនៅកម្ពុជា។",
}

# Model label: {English slug: Khmer fields}.
PAGES = {"giving.WaysToGivePage": {"ways-to-give": WAYS_TO_GIVE}}
