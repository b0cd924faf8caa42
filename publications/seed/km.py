"""Khmer versions of the publications section's seed pages (en.py), keyed by the English slug.

Same facts as the English text, nothing added; to be reviewed by a native Khmer speaker before launch."""

PUBLICATIONS = {
    "title": "របាយការណ៍ និងឯកសារបោះពុម្ព",
    "intro": ("របាយការណ៍ប្រចាំឆ្នាំ និងរបាយការណ៍លទ្ធផល របាយការណ៍ហិរញ្ញវត្ថុ ការស្រាវជ្រាវ និងសៀវភៅណែនាំរបស់ APLE សម្រាប់អាន និងទាញយក។"),
    "listing_summary": "របាយការណ៍ របាយការណ៍ហិរញ្ញវត្ថុ ការស្រាវជ្រាវ និងសៀវភៅណែនាំរបស់ APLE។",
}

TRANSPARENCY = {
    "title": "តម្លាភាព",
    "intro": "របៀបដែល APLE បានចុះបញ្ជី និងត្រូវបានគ្រប់គ្រង និងកន្លែងដែលអាចអានរបាយការណ៍ហិរញ្ញវត្ថុរបស់ខ្លួន។",
    "registration": (
        "<p>APLE ត្រូវបានបង្កើតឡើងនៅរាជធានីភ្នំពេញ ក្នុងឆ្នាំ២០០៣ ជាអង្គការមិនមែនរដ្ឋាភិបាលផ្អែកលើសិទ្ធិកុមារ។ "
        "នៅឆ្នាំ២០១៤ APLE បានចុះបញ្ជីជាអង្គការមិនមែនរដ្ឋាភិបាលក្នុងស្រុក ដើម្បីឆ្លុះបញ្ចាំងពីលក្ខណៈកម្ពុជារបស់ខ្លួន។</p>"
    ),
    "listing_summary": "របៀបដែល APLE បានចុះបញ្ជី និងត្រូវបានគ្រប់គ្រង និងរបាយការណ៍ហិរញ្ញវត្ថុរបស់ខ្លួន។",
}

# Model label: {English slug: Khmer fields}.
PAGES = {
    "publications.PublicationIndexPage": {"publications": PUBLICATIONS},
    "publications.TransparencyPage": {"transparency": TRANSPARENCY},
}
