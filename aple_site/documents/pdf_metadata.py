"""Removes a PDF's hidden data, run in a bounded child process (aple_site/ops/child_process.py):

- the document information dictionary (author, creator, producer, dates) and every XMP /Metadata stream, of the
  document, its pages and its images;
- from each JPEG image inside it, the segments that carry EXIF (a camera's make and serial, a GPS position),
  XMP, IPTC and comments, also when the JPEG is wrapped in other filters (`[/FlateDecode /DCTDecode]`). The
  JPEG's pixels are not decoded or re-encoded: only those segments are dropped (its colour profile and Adobe
  colour marker stay, as the picture needs them);
- attached files (the document's and its file-attachment annotations), page thumbnails (/Thumb), JavaScript
  and automatic actions (/JS, /AA, an /OpenAction that runs a script), applications' private data (/PieceInfo)
  and the authors and dates of annotations (comments' /T, /M, /CreationDate).

A JPEG 2000 picture (/JPXDecode) can carry metadata boxes this module does not parse: such a PDF is refused.

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


# Keys removed from every dictionary wherever they are: XMP, thumbnails, attachments, scripts, private data.
DROPPED_KEYS = ("/Metadata", "/Thumb", "/PieceInfo", "/AA", "/AF", "/EmbeddedFiles", "/JavaScript")
ANNOTATION_DETAILS = ("/T", "/M", "/CreationDate")  # who wrote a comment, and when
ACTION_KEYS = ("/A", "/OpenAction", "/Next")


def _filters(stream):
    filters = stream.get("/Filter")
    if filters is None:
        return []
    return list(filters) if isinstance(filters, pikepdf.Array) else [filters]


def _clean_image(pdf, stream):
    filters = _filters(stream)
    if pikepdf.Name.JPXDecode in filters:
        raise Unclean("a JPEG 2000 picture")
    if not filters or filters[-1] != pikepdf.Name.DCTDecode:
        return  # pixels only (Flate, run-length, CCITT…): nothing but the picture
    parms = stream.get("/DecodeParms")
    parms = list(parms) if isinstance(parms, pikepdf.Array) else [parms] * len(filters)
    jpeg = stream.read_raw_bytes()
    if len(filters) > 1:  # undo the filters wrapped around the JPEG (qpdf decodes a chain only to its end)
        wrapper = pikepdf.Stream(pdf, jpeg)
        wrapper.Filter = pikepdf.Array(filters[:-1])
        if any(parm is not None for parm in parms[:-1]):
            wrapper.DecodeParms = pikepdf.Array([parm or pikepdf.Dictionary() for parm in parms[:-1]])
        jpeg = wrapper.read_bytes()
    dct_parms = parms[-1] if len(parms) == len(filters) else None
    stream.write(strip_jpeg(jpeg), filter=pikepdf.Name.DCTDecode, decode_parms=dct_parms)


def _is_script(action):
    return isinstance(action, pikepdf.Dictionary) and (action.get("/S") == pikepdf.Name.JavaScript or "/JS" in action)


def _clean_dictionary(obj):
    for key in DROPPED_KEYS:
        if key in obj:
            del obj[key]
    for key in ACTION_KEYS:
        if key in obj and _is_script(obj[key]):
            del obj[key]
    annotation = obj.get("/Type") == pikepdf.Name.Annot or ("/Subtype" in obj and "/Rect" in obj)
    if annotation and obj.get("/Subtype") != pikepdf.Name.Widget:  # (a form field's /T is its name)
        for key in ANNOTATION_DETAILS:
            if key in obj:
                del obj[key]


def _walk(obj, seen):
    """Every dictionary (and stream dictionary) reachable from `obj`, direct ones included, each once."""
    if isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
        if obj.is_indirect:
            if obj.objgen in seen:
                return
            seen.add(obj.objgen)
        yield obj
        for key in list(obj.keys()):
            yield from _walk(obj.get(key), seen)
    elif isinstance(obj, pikepdf.Array):
        if obj.is_indirect:
            if obj.objgen in seen:
                return
            seen.add(obj.objgen)
        for item in obj:
            yield from _walk(item, seen)


def _drop_attachment_annotations(pdf):
    for page in pdf.pages:
        annotations = page.obj.get("/Annots")
        if isinstance(annotations, pikepdf.Array):
            kept = [a for a in annotations if a.get("/Subtype") != pikepdf.Name.FileAttachment]
            if len(kept) != len(annotations):
                page.obj.Annots = pikepdf.Array(kept)


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
        _drop_attachment_annotations(pdf)
        dictionaries = list(_walk(pdf.trailer, set()))  # (what nothing refers to is not saved)
        for obj in dictionaries:
            _clean_dictionary(obj)
        for obj in dictionaries:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image:
                _clean_image(pdf, obj)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


if __name__ == "__main__":
    try:
        sys.stdout.buffer.write(clean(sys.stdin.buffer.read()))
    except Unclean as refused:
        sys.stderr.write(str(refused))
        raise SystemExit(3) from None
