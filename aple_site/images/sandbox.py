"""Cleaning an upload in a child process with bounded memory, CPU time and priority.

Decoding an image costs memory in proportion to its pixels, not its file size: a 131 KB PNG can decode to
hundreds of megabytes. Done inside a web worker, a few such uploads would exhaust the server. In a child
process the kernel enforces the limits (RLIMIT_AS, RLIMIT_CPU), a wall-clock timeout ends it, and a raised
nice value lets visitors' requests go first. The worker thread only waits (no GIL held) meanwhile."""

import os
import resource
import subprocess
import sys

from django.conf import settings

from .metadata import RefusedImage

PROJECT_ROOT = str(settings.BASE_DIR)
# The file name extension of each format a clean file is stored as.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}


def _limit_child():  # runs in the child between fork and exec
    memory = settings.IMAGE_CLEANING_MAX_MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = settings.IMAGE_CLEANING_MAX_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    os.nice(10)


def clean_image(data):
    """(clean bytes, stored format) for the upload `data`, or RefusedImage."""
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        child = subprocess.run(
            [sys.executable, "-m", "aple_site.images.metadata", str(max_pixels)],
            input=data,
            capture_output=True,
            cwd=PROJECT_ROOT,
            timeout=settings.IMAGE_CLEANING_MAX_SECONDS * 2,
            preexec_fn=_limit_child,
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": PROJECT_ROOT},
        )
    except subprocess.TimeoutExpired as exc:
        raise RefusedImage("too_large") from exc
    if child.returncode == 0:
        return child.stdout, child.stderr.decode()
    if child.returncode == 3:
        raise RefusedImage(child.stderr.decode().strip() or "corrupt")
    # Killed for memory or CPU time (MemoryError ends in a traceback, exit 1; SIGXCPU/SIGKILL give < 0).
    raise RefusedImage("too_large")
