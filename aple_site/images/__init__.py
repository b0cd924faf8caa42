"""Uploaded images: described for people who cannot see them, and stored without metadata."""
