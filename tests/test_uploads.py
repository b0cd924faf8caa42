"""Uploaded photos never keep location or camera metadata; oversized uploads get a form error."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

from PIL import Image as PILImage

from tests.base import SiteTestCase

GPS_IFD = 0x8825


def photo_with_gps(image_format="JPEG", size=(64, 48)):
    """A real photo file carrying camera make, model and a GPS position (near Phnom Penh)."""
    image = PILImage.new("RGB", size, (200, 120, 40))
    exif = image.getexif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "SecretCam 9000"  # Model
    exif[0x0112] = 6  # Orientation: rotated 90°
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (11.0, 33.0, 20.0), 3: "E", 4: (104.0, 55.0, 1.0)})
    output = BytesIO()
    image.save(output, format=image_format, exif=exif)
    return output.getvalue()


class ImageUploadTests(SiteTestCase):
    def setUp(self):
        self.login_as_superuser()

    def upload(self, data, name="family.jpg"):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": "A family visit",
                "description": "A social worker talking with a mother outside her home",
                "file": SimpleUploadedFile(name, data),
            },
        )

    def stored(self):
        image = get_image_model().objects.get(title="A family visit")
        with image.open_file() as stored_file:
            return image, stored_file.read()

    def test_the_test_photo_really_carries_gps(self):
        exif = PILImage.open(BytesIO(photo_with_gps())).getexif()
        self.assertEqual(exif.get_ifd(GPS_IFD)[1], "N")
        self.assertEqual(exif[0x0110], "SecretCam 9000")

    def test_uploaded_jpeg_loses_gps_and_camera_data(self):
        response = self.upload(photo_with_gps())
        self.assertEqual(response.status_code, 302)
        image, data = self.stored()
        stored_exif = PILImage.open(BytesIO(data)).getexif()
        self.assertEqual(dict(stored_exif), {})
        self.assertEqual(dict(stored_exif.get_ifd(GPS_IFD)), {})
        self.assertNotIn(b"SecretCam", data)
        self.assertNotIn(b"CameraMaker", data)
        # Turned the right way up before the orientation tag was dropped; size and hash match the clean file.
        self.assertEqual((image.width, image.height), (48, 64))
        self.assertEqual(image.file_size, len(data))

    def test_png_and_webp_lose_metadata_too(self):
        for image_format, name in (("PNG", "map.png"), ("WEBP", "map.webp")):
            with self.subTest(image_format=image_format):
                get_image_model().objects.filter(title="A family visit").delete()
                self.assertEqual(self.upload(photo_with_gps(image_format), name).status_code, 302)
                _, data = self.stored()
                self.assertNotIn(b"SecretCam", data)
                self.assertEqual(dict(PILImage.open(BytesIO(data)).getexif()), {})

    def test_renditions_carry_no_metadata(self):
        self.upload(photo_with_gps())
        image, _ = self.stored()
        rendition = image.get_rendition("fill-32x32|format-jpeg")
        with rendition.file.open() as handle:
            self.assertNotIn(b"SecretCam", handle.read())

    def test_oversized_and_bomb_uploads_get_a_form_error(self):
        with self.settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000):
            response = self.upload(photo_with_gps(size=(400, 400)))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This file is too big")
        bomb = BytesIO()
        PILImage.new("1", (8000, 6000)).save(bomb, format="PNG")  # 48 megapixels, a few kilobytes
        response = self.upload(bomb.getvalue(), "bomb.png")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "too many pixels")
        self.assertFalse(get_image_model().objects.exists())

    def test_other_file_types_are_refused(self):
        response = self.upload(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "drawing.svg")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.exists())
