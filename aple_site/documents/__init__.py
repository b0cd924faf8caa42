"""Documents (PDFs and office files) uploaded in the admin: PDFs are stored without their hidden data (the
author and software fields, XMP, and the EXIF, XMP and IPTC of the photos inside them)."""
