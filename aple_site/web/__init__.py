"""The public web layer: page routing, error, health and crawler views, response headers, page
furniture (navigation, SEO tags) and the template context every page shares."""
