"""Removes a PDF's hidden data, run in a bounded child process (aple_site/ops/child_process.py):

- the document information dictionary (author, creator, producer, dates) and every XMP /Metadata stream, of the
  document, its pages and its images;
- from each JPEG image inside it, the segments that carry EXIF (a camera's make and serial, a GPS position),
  XMP, IPTC and comments. The JPEG's pixels are not decoded or re-encoded: only those segments are dropped
  (its colour profile and Adobe colour marker stay, as the picture needs them).

stdin: the PDF; stdout: the clean PDF. Exit 3 with a reason on stderr when it cannot be cleaned."""

import io
import sys

import pikepdf

KEEP_APP_SEGMENTS = {0xE0: b"JFIF", 0xE2: b"ICC_PROFILE", 0xEE: b"Adobe"}  # marker: identifier that may stay


class Unclean(Exception):
    pass


def strip_jpeg(data):
    """`data` (a JPEG) without its EXIF, XMP, IPTC and comment segments; Unclean when it cannot be parsed."""
    if data[:2] != b"\xff\xd8":
        raise Unclean("an image is not a JPEG")
    out, i = bytearray(b"\xff\xd8"), 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise Unclean("a JPEG image is damaged")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is the picture itself
            return bytes(out + data[i:])
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment = data[i : i + 2 + length]
        hidden = 0xE1 <= marker <= 0xEF or marker == 0xFE
        if not hidden or (marker in KEEP_APP_SEGMENTS and segment[4:].startswith(KEEP_APP_SEGMENTS[marker])):
            out += segment
        i += 2 + length
    raise Unclean("a JPEG image has no picture data")


def _is_jpeg(stream):
    filters = stream.get("/Filter")
    if isinstance(filters, pikepdf.Array):
        filters = filters[0] if len(filters) == 1 else None
    return filters == pikepdf.Name.DCTDecode


def clean(data):
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError as exc:
        raise Unclean("protected by a password") from exc
    except pikepdf.PdfError as exc:
        raise Unclean(f"unreadable: {exc}") from exc
    with pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) and "/Metadata" in obj:
                del obj["/Metadata"]
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image and _is_jpeg(obj):
                obj.write(strip_jpeg(obj.read_raw_bytes()), filter=obj.Filter, decode_parms=obj.get("/DecodeParms"))
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


if __name__ == "__main__":
    try:
        sys.stdout.buffer.write(clean(sys.stdin.buffer.read()))
    except Unclean as refused:
        sys.stderr.write(str(refused))
        raise SystemExit(3) from None
