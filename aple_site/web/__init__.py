"""The public web layer: page routing, error, health and crawler views, response headers, listings, limits and
structured data. Its template tags are aple_site/templatetags/; the shared template context is context_processors.py."""
