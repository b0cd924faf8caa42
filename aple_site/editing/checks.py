"""Wagtail's content checks (the accessibility checker of the editor's 'Checks' panel and of the user bar),
switched on for the site's rules: the editor's content only (the header and footer are checked by the test
suite), and alt text that is not a file name or a bare word like 'photo'."""

from wagtail.admin.userbar import ContentCheckerItem

ALT_TEXT_PATTERN = r"\.(avif|gif|jpg|jpeg|png|svg|webp|heic)$|_|^(image|photo|picture|img|logo)$"


class SiteContentChecks(ContentCheckerItem):
    axe_include = ["main"]
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",  # every image has alt text
        "image-redundant-alt",  # ...which does not repeat the caption beside it
        "list",
        "listitem",
        "table-duplicate-name",
        "th-has-data-cells",
    ]
    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_PATTERN}},
        {"id": "check-empty-meta-description"},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Image without alt text",
            "help_text": "Fill in the image's alt text in Images: say what it shows, in one sentence",
        },
        "image-redundant-alt": {
            "error_name": "Alt text repeats the text beside the image",
            "help_text": "Say what the image shows that the caption does not",
        },
    }


def use_site_checks(request, items, page=None):
    """construct_wagtail_userbar hook: Wagtail's checker replaced by the site's."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentChecks):
            items[position] = SiteContentChecks(in_editor=item.in_editor)
