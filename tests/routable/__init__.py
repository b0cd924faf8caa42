"""A test-only app (installed by aple_site.settings.test): a page type that routes sub-paths of its own."""
