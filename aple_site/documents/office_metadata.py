"""Removes an office document's hidden data (DOCX, XLSX, ODT, ODS: ZIP containers of XML and media), run in a
bounded child process (aple_site/ops/child_process.py):

- the document's properties (author, last editor, company, manager, template, dates, custom properties) are
  replaced by empty ones: docProps/core.xml, app.xml and custom.xml (Office Open XML), meta.xml (OpenDocument);
- every picture inside it (its photos, and the preview thumbnail) is re-encoded from its pixels alone by the
  image cleaner (aple_site/images/metadata.py): no EXIF camera serial, no GPS position, no XMP or comments;
- the names and initials of whoever wrote a comment or a tracked change are emptied (Word's w:author and
  w:initials, a spreadsheet's comment authors and people, OpenDocument's dc:creator);
- a document embedded in it (a spreadsheet inside a report) is cleaned the same way, one level deep.

What cannot be cleaned is refused, never stored as it came: an embedded object in a binary format (OLE), a
picture in a format with metadata the cleaner does not re-encode (TIFF, HEIC), a damaged or oversized archive.

stdin: the document; argv[1]: the maximum pixels of a picture; stdout: the clean document. Exit 3 with a reason on
stderr when it cannot be cleaned."""

import io
import posixpath
import re
import sys
import zipfile

from aple_site.images.metadata import RefusedImage, without_metadata

# Decompressed, a 1 MB archive can be gigabytes (a ZIP bomb): refuse past these before reading a member.
MAX_MEMBERS = 5000
MAX_TOTAL_BYTES = 400 * 1024 * 1024

PICTURES = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp"}
# Formats that carry no personal metadata the cleaner must remove: vector pictures and bitmaps without tags.
SAFE_AS_THEY_ARE = {".emf", ".wmf", ".bmp", ".svm"}
# Formats that can carry EXIF or XMP and are not re-encoded here: the document is refused.
UNCLEANABLE_PICTURES = {".tif", ".tiff", ".heic", ".heif", ".jxr", ".wdp", ".jp2", ".psd"}
NESTED_DOCUMENTS = {".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".odt", ".ods", ".odp"}
BINARY_OBJECTS = {".bin", ".doc", ".xls", ".ppt", ".ole", ".exe", ".msg", ".pdf"}

EMPTY_PROPERTIES = {
    "docProps/core.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
    ),
    "docProps/app.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
    ),
    "docProps/custom.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
    ),
    "meta.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'office:version="1.2"><office:meta/></office:document-meta>'
    ),
}


# Who wrote a comment or a change, in the XML parts: the value is emptied, the element or attribute stays.
PEOPLE = [
    (re.compile(rb'\b(w:author|w15:author|w:initials)="[^"]*"'), rb'\1=""'),
    (re.compile(rb"<author>[^<]*</author>"), b"<author></author>"),
    (re.compile(rb"<dc:creator>[^<]*</dc:creator>"), b"<dc:creator></dc:creator>"),
]
# The list of people behind threaded comments (word/people.xml, xl/persons/person.xml). Only there: elsewhere
# displayName names a table, which a spreadsheet needs.
PEOPLE_PARTS = [(re.compile(rb'\b(w15:userId|displayName|userId|providerId)="[^"]*"'), rb'\1=""')]


class Unclean(Exception):
    pass


def clean(data, max_pixels, depth=0):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unclean("not a readable office document") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_TOTAL_BYTES:
            raise Unclean("too large once unpacked")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as cleaned:
            for member in members:
                try:
                    content = archive.read(member)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                    raise Unclean(f"a part is damaged or encrypted: {member.filename}") from exc
                info = zipfile.ZipInfo(member.filename, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = member.compress_type  # (an OpenDocument's mimetype must stay stored)
                info.external_attr = member.external_attr
                cleaned.writestr(info, clean_member(member.filename, content, max_pixels, depth))
    return out.getvalue()


def clean_member(name, content, max_pixels, depth):
    """The part `name` of a document, without hidden data; Unclean when it cannot be cleaned."""
    if name in EMPTY_PROPERTIES:
        return EMPTY_PROPERTIES[name].encode()
    if name.endswith("/meta.xml"):  # an OpenDocument's embedded object (a chart) has properties of its own
        return EMPTY_PROPERTIES["meta.xml"].encode()
    extension = posixpath.splitext(name.lower())[1]
    if extension in PICTURES:
        try:
            return without_metadata(content, max_pixels)[0]
        except RefusedImage as refused:
            raise Unclean(f"a picture could not be cleaned ({refused.code}): {name}") from None
    if extension in UNCLEANABLE_PICTURES:
        raise Unclean(f"a picture in a format that cannot be cleaned: {name}")
    if extension in NESTED_DOCUMENTS:
        if depth >= 1:
            raise Unclean(f"a document inside a document inside a document: {name}")
        return clean(content, max_pixels, depth + 1)
    if extension in BINARY_OBJECTS:
        raise Unclean(f"an embedded object that cannot be cleaned: {name}")
    if extension in (".xml", ".rels"):
        people_part = "people" in name.lower() or "person" in name.lower()
        for pattern, replacement in PEOPLE + (PEOPLE_PARTS if people_part else []):
            content = pattern.sub(replacement, content)
    return content


if __name__ == "__main__":
    try:
        sys.stdout.buffer.write(clean(sys.stdin.buffer.read(), int(sys.argv[1])))
    except Unclean as refused:
        sys.stderr.write(str(refused))
        raise SystemExit(3) from None
