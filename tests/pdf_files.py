"""PDFs made by the tests: a few pages of real text (Helvetica), so page counts, covers and extracted text can be
checked against what was written; and one carrying hidden data, as a report made from phone photos does."""

import io

import pikepdf
from PIL import Image

HIDDEN = ("Secret Author", "SecretCam", "Secret XMP creator", "secret JPEG comment")


def jpeg_image(pdf, data):
    """An image XObject of the 64 × 48 JPEG `data`, as a PDF made from a phone photo holds it."""
    image = pikepdf.Stream(pdf, data)
    image.update(
        {
            "/Type": pikepdf.Name.XObject,
            "/Subtype": pikepdf.Name.Image,
            "/Width": 64,
            "/Height": 48,
            "/ColorSpace": pikepdf.Name.DeviceRGB,
            "/BitsPerComponent": 8,
            "/Filter": pikepdf.Name.DCTDecode,
        }
    )
    return image


def make_pdf_with_hidden_data():
    """A one-page PDF whose information dictionary, XMP and embedded JPEG (EXIF camera make, a GPS position, a
    comment) carry the strings in HIDDEN."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825).update({1: "N", 2: (11.0, 33.0, 0.0), 3: "E", 4: (104.0, 55.0, 0.0)})
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo, "JPEG", exif=exif.tobytes(), comment=b"secret JPEG comment")
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(200, 200))
    image = jpeg_image(pdf, photo.getvalue())
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 64 0 0 48 10 10 cm /Im0 Do Q")
    with pdf.open_metadata() as xmp:
        xmp["dc:creator"] = ["Secret XMP creator"]
    pdf.docinfo["/Author"] = "Secret Author"  # after the XMP, which would set the author from its creator
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def hidden_data_in(data):
    """The HIDDEN strings still found in the PDF `data` (in its information dictionary or any stream)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        text = " ".join(str(value) for value in pdf.docinfo.values()) + "".join(
            obj.read_bytes().decode("latin-1")
            if obj.get("/Filter") != pikepdf.Name.DCTDecode
            else obj.read_raw_bytes().decode("latin-1")
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream)
        )
    return [secret for secret in HIDDEN if secret in text]


def make_pdf(pages):
    """A valid PDF whose page i shows the text pages[i] (ASCII), A4 portrait."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 24 Tf 72 720 Td ({escaped}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
