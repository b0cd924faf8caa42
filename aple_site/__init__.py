"""The project package and the core app: settings, the home and free-form pages, site settings, the shared page
mixins and blocks, and one sub-package ("room") per cross-cutting concern. The core knows no content app;
only the loader, which builds every app's seed content, does."""
