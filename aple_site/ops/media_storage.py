"""Uploads on local disk that never leave half a file behind.

Django's FileSystemStorage writes in place: when the disk fills up mid-write the partial file stays, and a later
request could serve it. This storage removes what it started writing and lets the error through, for the upload
form to turn into a message (aple_site/images/forms.py)."""

import contextlib
import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        existed = os.path.exists(self.path(name))
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                with contextlib.suppress(OSError):
                    os.remove(self.path(name))
            raise
