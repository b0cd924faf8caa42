"""Office documents and PDFs as people make them from phone photos: a report with a photo carrying a GPS
position and a camera serial, an author, comments, attachments, thumbnails and scripts. And the reading side: what
exiftool finds in a stored file, and in every picture inside it."""

import io
import json
import os
import subprocess
import tempfile
import zipfile

import pikepdf
from PIL import Image

from tests.image_files import photo_with_gps
from tests.pdf_files import jpeg_image

AUTHOR = "Secret Author"
# What exiftool reports for a photo that gives a place or a camera away.
REVEALING_TAGS = ("GPSLatitude", "GPSLongitude", "GPSPosition", "SerialNumber", "Make", "Model", "Comment")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Author</dc:creator>'
    "<cp:lastModifiedBy>Secret Author</cp:lastModifiedBy></cp:coreProperties>"
)
APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Company>Secret Author's office</Company></Properties>"
)
ODF_META = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<office:meta><meta:initial-creator>Secret Author</meta:initial-creator><dc:creator>Secret Author</dc:creator>"
    "</office:meta></office:document-meta>"
)


def _zip(members, stored_first=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1], compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def docx(extra=None):
    """A Word document by 'Secret Author' with a phone photo (GPS, camera serial) and its thumbnail."""
    members = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": "<Relationships/>",
        "word/document.xml": (
            '<w:document><w:body><w:p><w:ins w:id="1" w:author="Secret Author" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:t>Annual report</w:t></w:r></w:ins></w:p></w:body></w:document>"
        ),
        "word/comments.xml": '<w:comments><w:comment w:id="0" w:author="Secret Author" w:initials="SA"/></w:comments>',
        "word/people.xml": (
            '<w15:people><w15:person w15:author="Secret Author"><w15:presenceInfo w15:providerId="AD" '
            'w15:userId="Secret Author"/></w15:person></w15:people>'
        ),
        "word/media/image1.jpeg": photo_with_gps("JPEG"),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "docProps/thumbnail.jpeg": photo_with_gps("JPEG"),
    }
    members.update(extra or {})
    return _zip(members)


def xlsx():
    return _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": "<workbook/>",
            "xl/comments1.xml": "<comments><authors><author>Secret Author</author></authors></comments>",
            "xl/media/image1.png": photo_with_gps("PNG"),
            "docProps/core.xml": CORE,
            "docProps/app.xml": APP,
        }
    )


def odt():
    return _zip(
        {
            "content.xml": "<office:document-content><office:annotation><dc:creator>Secret Author</dc:creator>"
            "</office:annotation></office:document-content>",
            "meta.xml": ODF_META,
            "Pictures/photo.jpg": photo_with_gps("JPEG"),
            "Thumbnails/thumbnail.png": photo_with_gps("PNG"),
            "Object 1/meta.xml": ODF_META,
            "META-INF/manifest.xml": "<manifest:manifest/>",
        },
        stored_first=("mimetype", "application/vnd.oasis.opendocument.text"),
    )


def exif_of(data, suffix):
    """exiftool's tags for the file `data` (every tag, duplicates and unknown ones included)."""
    with tempfile.NamedTemporaryFile(suffix=suffix) as file:
        file.write(data)
        file.flush()
        result = subprocess.run(
            ["exiftool", "-json", "-a", "-u", "-G1", file.name], capture_output=True, text=True, check=True
        )
    return json.loads(result.stdout)[0]


def revealing(tags):
    """The tags (from exif_of) that give a person, a place or a camera away."""
    return {
        name: value
        for name, value in tags.items()
        if any(name.split(":")[-1].startswith(tag) for tag in REVEALING_TAGS) or AUTHOR in str(value)
    }


def text_in_zip(data):
    """Every part of the archive, decompressed, as one text: to search for a name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("latin-1") for name in archive.namelist())


def pictures_in_zip(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if os.path.splitext(name)[1].lower() in (".jpeg", ".jpg", ".png")
        }


def pdf_with_everything_hidden():
    """A PDF whose photo is behind [/FlateDecode /DCTDecode], with a page thumbnail (a JPEG with GPS), an attached
    photo (document-level and as an annotation), JavaScript run on opening, a comment by 'Secret Author' and an
    application's private data."""
    photo = photo_with_gps("JPEG")
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(200, 200))
    chained = jpeg_image(pdf, b"")
    chained.write(photo, filter=pikepdf.Name.DCTDecode)
    chained.write(
        __import__("zlib").compress(chained.read_raw_bytes()),
        filter=pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.DCTDecode]),
    )
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=chained))
    page.Contents = pikepdf.Stream(pdf, b"q 64 0 0 48 10 10 cm /Im0 Do Q")
    page.obj.Thumb = pdf.make_indirect(jpeg_image(pdf, photo))
    attachment = pikepdf.AttachedFileSpec(pdf, photo, filename="family.jpg")
    pdf.attachments["family.jpg"] = attachment
    comment = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=[10, 10, 20, 20],
        T=AUTHOR,
        Contents="Check the address",
    )
    attached = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.FileAttachment,
        Rect=[30, 30, 40, 40],
        FS=pikepdf.AttachedFileSpec(pdf, photo, filename="house.jpg").obj,
    )
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(comment), pdf.make_indirect(attached)]))
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert('Secret Author')")
    page.obj.PieceInfo = pikepdf.Dictionary(Illustrator=pikepdf.Dictionary(Private=f"{AUTHOR} private data"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _decoded(pdf, stream):
    """The stream's bytes with every filter but a JPEG's own undone."""
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters] if filters else []
    if filters and filters[-1] == pikepdf.Name.DCTDecode:
        if len(filters) == 1:
            return stream.read_raw_bytes()
        wrapper = pikepdf.Stream(pdf, stream.read_raw_bytes())
        wrapper.Filter = pikepdf.Array(filters[:-1])
        return wrapper.read_bytes()
    return stream.read_bytes()


def pictures_in_pdf(data):
    """Every JPEG inside the PDF (filters other than DCT undone), attachments' contents included."""
    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                content = _decoded(pdf, obj)
                if content.startswith(b"\xff\xd8"):
                    found.append(content)
    return found


def everything_in_pdf(data):
    """The PDF's decoded streams and its dictionaries as text, to search for a name."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parts = [repr(pdf.trailer)]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                parts.append(_decoded(pdf, obj).decode("latin-1"))
                parts.append(repr(obj.stream_dict))
            elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array):
                parts.append(repr(obj))
    return "\n".join(parts)


def tiff_photo():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "TIFF")
    return out.getvalue()
