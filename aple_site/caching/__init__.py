"""What the site caches across requests (whole pages, page furniture) and how one change invalidates all of it."""
