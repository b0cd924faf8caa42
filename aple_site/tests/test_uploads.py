"""Uploaded photos never keep location, camera or comment metadata, whatever their format; bad, huge or
hostile files and a full disk get a form error; an image a live page shows changes only with a moderator."""

import os
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, UploadedFile

from PIL import Image as PILImage
from PIL import ImageSequence

from aple_site.factories import StandardPageFactory
from tests import image_files
from tests.base import SiteTestCase
from tests.image_files import GPS_IFD, SECRETS

REVEALING = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "Author", "photoshop")


def media_files():
    found = set()
    for folder, _, names in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(folder, name) for name in names)
    return found


class UploadTestCase(SiteTestCase):
    def setUp(self):
        self.login_as_superuser()

    def upload(self, data, name="family.jpg", title="A family visit"):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": title,
                "description": "A social worker talking with a mother outside her home",
                "file": SimpleUploadedFile(name, data),
            },
        )

    def stored(self, title="A family visit"):
        image = get_image_model().objects.get(title=title)
        with image.open_file() as stored_file:
            return image, stored_file.read()

    def assert_clean(self, data):
        for secret in SECRETS:
            self.assertNotIn(secret, data)
        with PILImage.open(BytesIO(data)) as image:
            for frame in ImageSequence.Iterator(image):
                self.assertEqual([key for key in REVEALING if key in frame.info], [])
                self.assertEqual(dict(frame.getexif()), {})

    def assert_refused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertFalse(get_image_model().objects.exists())


class ImageMetadataTests(UploadTestCase):
    def test_the_test_files_really_carry_the_secrets(self):
        exif = PILImage.open(BytesIO(image_files.photo_with_gps())).getexif()
        self.assertEqual(exif.get_ifd(GPS_IFD)[1], "N")
        for make in (
            image_files.mpo_with_gps,
            image_files.gif_with_xmp_and_comment,
            image_files.animated_png_with_text,
            image_files.animated_webp_with_metadata,
            image_files.png_with_text_chunks,
        ):
            with self.subTest(make.__name__):
                self.assertTrue(any(secret in make() for secret in SECRETS))
        self.assertEqual(PILImage.open(BytesIO(image_files.mpo_with_gps())).format, "MPO")

    def test_uploaded_jpeg_loses_gps_camera_xmp_and_comment(self):
        response = self.upload(image_files.photo_with_gps())
        self.assertEqual(response.status_code, 302)
        image, data = self.stored()
        self.assert_clean(data)
        self.assertEqual(dict(PILImage.open(BytesIO(data)).getexif().get_ifd(GPS_IFD)), {})
        # Turned the right way up before the orientation tag was dropped; size and hash match the clean file.
        self.assertEqual((image.width, image.height), (48, 64))
        self.assertEqual(image.file_size, len(data))

    def test_no_stored_file_can_be_guessed_from_the_upload_s_name(self):
        # A phone names photos IMG_0420.jpg; the admin library's thumbnails were at /media/images/IMG_0420.max-...
        self.assertEqual(self.upload(image_files.photo_with_gps(), name="IMG_0420.jpg").status_code, 302)
        image, _ = self.stored()
        thumbnail = image.get_rendition("max-165x165")
        for name in (image.file.name, thumbnail.file.name, thumbnail.url):
            self.assertNotIn("IMG_0420", name)
        self.assertRegex(os.path.basename(image.file.name), r"^[\w-]{22}\.jpg$")  # 128 random bits

    def test_a_phones_multi_picture_jpeg_is_stored_as_a_clean_plain_jpeg(self):
        self.assertEqual(self.upload(image_files.mpo_with_gps()).status_code, 302)
        image, data = self.stored()
        self.assert_clean(data)
        self.assertEqual(PILImage.open(BytesIO(data)).format, "JPEG")
        self.assertTrue(image.file.name.endswith(".jpg"))

    def test_every_format_loses_metadata_and_animations_keep_their_frames(self):
        cases = [
            ("PNG", "map.png", image_files.photo_with_gps("PNG"), 1),
            ("PNG text chunks", "notes.png", image_files.png_with_text_chunks(), 1),
            ("WebP", "map.webp", image_files.photo_with_gps("WEBP"), 1),
            ("GIF with XMP and a comment", "wave.gif", image_files.gif_with_xmp_and_comment(frames=3), 3),
            ("animated WebP", "wave.webp", image_files.animated_webp_with_metadata(frames=4), 4),
        ]
        for label, name, data, frames in cases:
            with self.subTest(label):
                get_image_model().objects.all().delete()
                self.assertEqual(self.upload(data, name).status_code, 302)
                _, stored = self.stored()
                self.assert_clean(stored)
                self.assertEqual(getattr(PILImage.open(BytesIO(stored)), "n_frames", 1), frames)

    def test_animated_pngs_which_wagtail_cannot_render_are_refused_and_nothing_is_stored(self):
        before = media_files()
        self.assert_refused(
            self.upload(image_files.animated_png_with_text(frames=3), "wave.png"), "Upload a valid image"
        )
        self.assertEqual(media_files(), before)

    def test_renditions_carry_no_metadata(self):
        for name, data in (
            ("family.jpg", image_files.photo_with_gps()),
            ("wave.gif", image_files.gif_with_xmp_and_comment()),
        ):
            with self.subTest(name):
                get_image_model().objects.all().delete()
                self.upload(data, name)
                image, _ = self.stored()
                for spec in ("fill-32x32|format-jpeg", "width-20|format-webp", "width-20|format-png"):
                    with image.get_rendition(spec).file.open() as handle:
                        self.assert_clean(handle.read())

    def test_a_colour_profile_is_applied_then_dropped_with_any_text_hidden_in_it(self):
        from PIL import ImageCms

        hidden = b"Riverside house, SN-4242"
        # A valid profile with text after it: a byte-for-byte copy of the profile carries the text along.
        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes() + hidden
        for name, image_format in (("family.jpg", "JPEG"), ("map.png", "PNG"), ("photo.webp", "WEBP")):
            with self.subTest(image_format):
                get_image_model().objects.all().delete()
                source = BytesIO()
                PILImage.new("RGB", (40, 30), (10, 120, 200)).save(source, image_format, icc_profile=icc)
                self.assertIn(hidden, PILImage.open(BytesIO(source.getvalue())).info["icc_profile"])
                self.assertEqual(self.upload(source.getvalue(), name).status_code, 302)
                image, data = self.stored()
                self.assertNotIn(hidden, data)
                self.assertNotIn("icc_profile", PILImage.open(BytesIO(data)).info)
                with image.get_rendition("width-20|format-jpeg").file.open() as rendition:
                    self.assertNotIn(hidden, rendition.read())

    def test_the_multiple_upload_of_the_admin_cleans_files_too(self):
        # The admin's "Add an image" button: the file is sent first, the alt text afterwards; meanwhile the file
        # waits in media/uploaded_files/, and must be clean there too.
        response = self.client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile("phone.jpg", image_files.mpo_with_gps())},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json()["success"], response.json())
        pending = UploadedFile.objects.get()
        with pending.file.open() as handle:
            self.assert_clean(handle.read())
        prefix = f"uploaded-image-{pending.pk}"
        completed = self.client.post(
            f"/admin/images/multiple/create_from_uploaded_image/{pending.pk}/",
            {f"{prefix}-title": "Phone photo", f"{prefix}-description": "Children's drawings on a classroom wall"},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        self.assertTrue(completed.json()["success"], completed.json())
        image = get_image_model().objects.get()
        with image.open_file() as handle:
            self.assert_clean(handle.read())
        for name, error_case in (
            ("cut.jpg", image_files.truncated(image_files.photo_with_gps(size=(640, 480)))),
            ("flood.gif", image_files.animated_gif(20, (2000, 2000))),
        ):
            refused = self.client.post(
                "/admin/images/multiple/add/",
                {"files[]": SimpleUploadedFile(name, error_case)},
                headers={"x-requested-with": "XMLHttpRequest"},
            )
            self.assertEqual(refused.status_code, 200)
            self.assertFalse(refused.json()["success"])


class BadUploadTests(UploadTestCase):
    def test_oversized_uploads_get_a_form_error(self):
        with self.settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000):
            response = self.upload(image_files.photo_with_gps(size=(400, 400)))
        self.assert_refused(response, "This file is too big")

    def test_decompression_bombs_get_a_form_error(self):
        self.assert_refused(self.upload(image_files.png_bomb(), "bomb.png"), "too many pixels")

    def test_every_frame_counts_towards_the_pixel_limit(self):
        # 20 frames of 2000 x 2000 = 80 megapixels, twice the limit, in a file of a few kilobytes.
        gif = image_files.animated_gif(20, (2000, 2000))
        self.assertLess(len(gif), 200_000)
        self.assert_refused(self.upload(gif, "flood.gif"), "too many pixels")
        self.assertEqual(self.upload(image_files.animated_gif(5, (200, 200)), "small.gif").status_code, 302)

    def test_corrupt_truncated_and_lying_files_get_a_form_error_and_leave_nothing_behind(self):
        photo = image_files.photo_with_gps(size=(640, 480))
        before = media_files()
        for label, data, name in (
            ("truncated JPEG", image_files.truncated(photo), "cut.jpg"),
            ("corrupt JPEG", image_files.corrupt(photo), "noise.jpg"),
            ("truncated PNG", image_files.truncated(image_files.png_with_text_chunks((300, 300))), "cut.png"),
            ("PNG header that lies about its size", image_files.png_with_lying_header(), "lie.png"),
            ("not an image", b"GIF89a" + b"\x00" * 50, "fake.gif"),
        ):
            with self.subTest(label):
                response = self.upload(data, name)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "could not be created due to errors")
                self.assertFalse(get_image_model().objects.exists())
        self.assertEqual(media_files(), before)

    def test_other_file_types_are_refused(self):
        response = self.upload(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "drawing.svg")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.exists())


class LiveImageTests(UploadTestCase):
    """An editor's change to a live page waits for a moderator; so does a change to an image a live page shows."""

    def setUp(self):
        super().setUp()
        self.assertEqual(self.upload(image_files.photo_with_gps(), title="On the home page").status_code, 302)
        self.assertEqual(self.upload(image_files.photo_with_gps(), title="Unused").status_code, 302)
        self.live_image = get_image_model().objects.get(title="On the home page")
        self.unused_image = get_image_model().objects.get(title="Unused")
        # Checked by someone: no identifiable child (only such an image may be a page's card image).
        get_image_model().objects.update(shows_identifiable_child="no")
        self.live_image.refresh_from_db()
        page = StandardPageFactory(parent=self.home, title="Our work", listing_image=self.live_image)
        ReferenceIndex.create_or_update_for_object(page)
        users = get_user_model().objects
        self.editor = users.create_user("editor", "e@example.org", "x-password-1234")
        self.editor.groups.add(Group.objects.get(name="Editors"))
        self.moderator = users.create_user("moderator", "m@example.org", "x-password-1234")
        self.moderator.groups.add(Group.objects.get(name="Moderators"))
        # The editor uploaded both (an owner may otherwise change and delete their own images).
        get_image_model().objects.update(uploaded_by_user=self.editor)

    def edit(self, image, **changes):
        data = {
            "title": image.title,
            "description": image.description,
            "collection": image.collection_id,
            "shows_identifiable_child": image.shows_identifiable_child,
            **changes,
        }
        return self.client.post(f"/admin/images/{image.pk}/", data)

    def test_an_editor_cannot_change_an_image_a_live_page_shows(self):
        self.client.force_login(self.editor)
        response = self.edit(self.live_image, description="Something else entirely")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "only a moderator can change it")
        self.live_image.refresh_from_db()
        self.assertEqual(self.live_image.description, "A social worker talking with a mother outside her home")
        replaced = self.edit(self.live_image, file=SimpleUploadedFile("other.jpg", image_files.photo_with_gps()))
        self.assertContains(replaced, "only a moderator can change it")
        self.assertEqual(self.edit(self.unused_image, description="A clearer description").status_code, 302)

    def test_an_editor_cannot_delete_an_image_a_live_page_shows(self):
        self.client.force_login(self.editor)
        self.client.post(f"/admin/images/{self.live_image.pk}/delete/")
        self.assertTrue(get_image_model().objects.filter(pk=self.live_image.pk).exists())
        bulk = f"/admin/bulk/wagtailimages/image/delete/?next=/admin/images/&id={self.live_image.pk}"
        self.client.post(bulk)
        self.assertTrue(get_image_model().objects.filter(pk=self.live_image.pk).exists())
        self.client.post(f"/admin/images/{self.unused_image.pk}/delete/")
        self.assertFalse(get_image_model().objects.filter(pk=self.unused_image.pk).exists())

    def test_a_moderator_may_change_and_delete_it(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.edit(self.live_image, description="A clearer description").status_code, 302)
        self.client.post(f"/admin/images/{self.live_image.pk}/delete/")
        self.assertFalse(get_image_model().objects.filter(pk=self.live_image.pk).exists())
