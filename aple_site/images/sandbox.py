"""Cleaning an upload in a child process with bounded memory, CPU time and priority (aple_site/ops/child_process.py
says why)."""

import subprocess

from django.conf import settings

from ..ops.child_process import run_bounded
from .metadata import RefusedImage

# The file name extension of each format a clean file is stored as.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}


def clean_image(data):
    """(clean bytes, stored format) for the upload `data`, or RefusedImage."""
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        child = run_bounded(
            "aple_site.images.metadata",
            data,
            memory_mb=settings.IMAGE_CLEANING_MAX_MEMORY_MB,
            cpu_seconds=settings.IMAGE_CLEANING_MAX_SECONDS,
            args=[str(max_pixels)],
        )
    except subprocess.TimeoutExpired as exc:
        raise RefusedImage("too_large") from exc
    if child.returncode == 0:
        return child.stdout, child.stderr.decode()
    if child.returncode == 3:
        raise RefusedImage(child.stderr.decode().strip() or "corrupt")
    # Killed for memory or CPU time (MemoryError ends in a traceback, exit 1; SIGXCPU/SIGKILL give < 0).
    raise RefusedImage("too_large")
