"""English and Khmer as equals: the visitor's language, each page in it, Khmer digits, date formats and the
Khmer search terms."""
