"""Khmer version of the 'Case stories' section page (en.py), keyed by the English slug.

Same facts as the English text, nothing added; to be reviewed by a native Khmer speaker before launch."""

STORIES = {
    "title": "រឿងរ៉ាវករណី",
    "intro": (
        "អ្វីដែលការងាររបស់ APLE បានផ្ដល់ដល់កុមារ និងគ្រួសារ ដែលបានរៀបរាប់ដោយមានការយល់ព្រមពីពួកគេ។ "
        "ឈ្មោះ និងព័ត៌មានលម្អិតត្រូវបានផ្លាស់ប្ដូរ ដើម្បីការពារកុមារម្នាក់ៗ។"
    ),
    "listing_summary": "រឿងរ៉ាវរបស់កុមារ និងគ្រួសារដែល APLE បានធ្វើការជាមួយ ដែលបានរៀបរាប់ដោយមានការយល់ព្រមពីពួកគេ។",
}

# Model label: {English slug: Khmer fields}.
PAGES = {"stories.StoryIndexPage": {"stories": STORIES}}
