"""Khmer version of the News section page (en.py), keyed by the English slug.

Same facts as the English text, nothing added; to be reviewed by a native Khmer speaker before launch."""

NEWS = {
    "title": "ព័ត៌មាន",
    "intro": "ព័ត៌មានអំពីការងាររបស់ APLE ប្រឆាំងនឹងការរំលោភបំពាន និងការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារនៅកម្ពុជា។",
    "listing_summary": "ព័ត៌មានពី APLE។",
}

# Model label: {English slug: Khmer fields}.
PAGES = {
    "news.NewsIndexPage": {"news": NEWS},
}
