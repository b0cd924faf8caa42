"""Image files as phones, cameras and hostile uploaders make them: with GPS, camera serials, comments, XMP and
text chunks, several frames, truncated or corrupt. Every secret is a byte string a test can search for."""

import struct
import zlib
from io import BytesIO

from PIL import Image as PILImage
from PIL import PngImagePlugin

GPS_IFD = 0x8825
SECRETS = (b"SecretCam", b"CameraMaker", b"SN-4242", b"11.5555N", b"Riverside house")
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="11.5555N" '
    b'exif:BodySerialNumber="SN-4242"/></rdf:RDF></x:xmpmeta>'
)
COMMENT = b"Riverside house, SN-4242"


def exif_with_gps(image):
    exif = image.getexif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "SecretCam 9000"  # Model
    exif[0xA431] = "SN-4242"  # BodySerialNumber
    exif[0x0112] = 6  # Orientation: rotated 90°
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (11.0, 33.0, 20.0), 3: "E", 4: (104.0, 55.0, 1.0)})
    return exif


def photo_with_gps(image_format="JPEG", size=(64, 48)):
    """A real photo file carrying camera make, model, serial and a GPS position (near Phnom Penh)."""
    image = PILImage.new("RGB", size, (200, 120, 40))
    output = BytesIO()
    options = {"exif": exif_with_gps(image)}
    if image_format in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    if image_format == "JPEG":
        options["comment"] = COMMENT
    image.save(output, format=image_format, **options)
    return output.getvalue()


def mpo_with_gps(size=(64, 48)):
    """A phone's multi-picture JPEG (Pillow: MPO): two pictures, both with EXIF and GPS."""
    first = PILImage.new("RGB", size, (200, 120, 40))
    second = PILImage.new("RGB", size, (20, 20, 20))
    output = BytesIO()
    first.save(output, format="MPO", save_all=True, append_images=[second], exif=exif_with_gps(first), xmp=XMP)
    return output.getvalue()


def _frames(count, size, mode="RGB"):
    return [PILImage.new(mode, size, (i * 40 % 256, 100, 200 - i * 30 % 200)) for i in range(count)]


def gif_with_xmp_and_comment(frames=3, size=(40, 30)):
    """An animated GIF with a comment and an XMP packet (with GPS) in an application extension."""
    images = [frame.convert("P") for frame in _frames(frames, size)]
    output = BytesIO()
    images[0].save(
        output, format="GIF", save_all=True, append_images=images[1:], duration=120, loop=0, comment=COMMENT
    )
    data = output.getvalue()
    # XMP goes after the logical screen descriptor and global colour table (GIF89a, as Adobe writes it).
    flags = data[10]
    table = 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0
    header_end = 13 + table
    blocks = b"".join(bytes([len(XMP[i : i + 255])]) + XMP[i : i + 255] for i in range(0, len(XMP), 255))
    xmp_extension = b"\x21\xff\x0bXMP DataXMP" + blocks + b"\x00"
    return data[:header_end] + xmp_extension + data[header_end:]


def _animation(image_format, frames, size, **metadata):
    images = _frames(frames, size)
    output = BytesIO()
    options = {"save_all": True, "append_images": images[1:], "duration": 100, "loop": 0}
    images[0].save(output, format=image_format, exif=exif_with_gps(images[0]), **options, **metadata)
    return output.getvalue()


def animated_png_with_text(frames=3, size=(40, 30)):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT.decode())
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return _animation("PNG", frames, size, pnginfo=info)


def png_with_text_chunks(size=(40, 30)):
    image = PILImage.new("RGB", size, (1, 2, 3))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT.decode())
    info.add_text("Author", "SN-4242", zip=True)
    output = BytesIO()
    image.save(output, format="PNG", pnginfo=info, exif=exif_with_gps(image))
    return output.getvalue()


def animated_webp_with_metadata(frames=3, size=(40, 30)):
    return _animation("WEBP", frames, size, xmp=XMP)


def animated_gif(frames, size):
    """A plain animated GIF: a few kilobytes however many pixels its frames hold."""
    images = [PILImage.new("P", size, i % 2) for i in range(frames)]
    output = BytesIO()
    images[0].save(output, format="GIF", save_all=True, append_images=images[1:], duration=100)
    return output.getvalue()


def png_bomb(size=(8000, 6000)):
    """One colour, many pixels: a few kilobytes that decode to hundreds of megabytes."""
    output = BytesIO()
    PILImage.new("1", size).save(output, format="PNG")
    return output.getvalue()


def png_with_lying_header(real=(100, 100), claimed=(7000, 5000)):
    """A PNG whose header claims a small size while its data chunk would decode to far more (and fail)."""
    data = bytearray(png_with_text_chunks(real))
    # IHDR starts at byte 8 (after the signature): length, "IHDR", width, height...
    data[16:24] = struct.pack(">II", *claimed)
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


def truncated(data, keep=0.5):
    return data[: int(len(data) * keep)]


def corrupt(data):
    """The header intact, the rest overwritten with garbage."""
    return data[:64] + bytes((i * 37) % 256 for i in range(len(data) - 64))
