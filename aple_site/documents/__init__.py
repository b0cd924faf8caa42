"""Documents (PDFs and office files) uploaded in the admin are stored without their hidden data: the author and
software fields, XMP, attachments, thumbnails and scripts of PDFs, the properties of office documents, and the
EXIF, XMP and IPTC of every photo inside them (forms.py, pdf_metadata.py, office_metadata.py)."""
