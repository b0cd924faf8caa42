"""The one StreamField block set shared by free-form pages (StandardPage and the long-form fields of
other pages). Kept small on purpose: editors get headings, text, images, quotes and links, nothing that
could load a third party."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .images.consent import NOT_FOR_SHARING


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, help_text="A short heading for the section that follows.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Sub-heading")],
        default="h2",
        help_text="Use a sub-heading only under a section heading, so screen readers get a clear outline.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(help_text="The image's alt text describes it for people who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=250, help_text="Optional; shown under the image.")

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"


class FigureWithoutChildBlock(FigureBlock):
    """A figure for pages that are shared widely (news): its image must show no identifiable child."""

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and image.may_identify_a_child:
            raise blocks.StructBlockValidationError(
                block_errors={"image": ValidationError(NOT_FOR_SHARING, code="identifiable_child")}
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said it (optional).")

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class LinkButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60, help_text="What the button says, e.g. 'Read our history'.")
    page = blocks.PageChooserBlock(required=False, help_text="A page on this site…")
    url = blocks.URLBlock(required=False, help_text="…or a full web address. Fill in one of the two.")

    class Meta:
        icon = "link"
        template = "blocks/link_button_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Choose a page or enter an address, not both.")}
            )
        return value


def embed_hosts():
    """The hosts the Content-Security-Policy lets the site frame (settings.EMBED_ORIGINS), all https."""
    return {urlsplit(origin).hostname for origin in settings.EMBED_ORIGINS}


def is_embed_address(address):
    """An https address on one of the embed hosts, exactly: no user name or password (in
    `https://evil.example\\@www.openstreetmap.org/` a browser sees the host evil.example, where a URL parser sees
    openstreetmap.org), no port, no backslash or space, the host name compared in full."""
    if any(character in address for character in "\\ \t\n\r@"):
        return False
    try:
        url = urlsplit(address)
        port = url.port
    except ValueError:
        return False
    return url.scheme == "https" and port is None and url.username is None and url.hostname in embed_hosts()


class ExternalMediaBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120,
        help_text="What the embedded content is, e.g. 'Map of our Siem Reap office'. Screen readers announce it.",
    )
    embed_url = blocks.URLBlock(
        help_text=(
            "The provider's embed address (OpenStreetMap: Share → HTML; YouTube: use youtube-nocookie.com). "
            "It loads only for visitors who allow external media."
        )
    )
    link_url = blocks.URLBlock(
        required=False,
        help_text="A normal link to the same map or video, shown until the visitor allows external media.",
    )

    class Meta:
        icon = "media"
        template = "blocks/external_media_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not is_embed_address(value.get("embed_url") or ""):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "embed_url": ValidationError(
                        "Use an https embed address from one of: " + ", ".join(sorted(embed_hosts())) + "."
                    )
                }
            )
        return value


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        help_text="Ordinary text. Keep paragraphs short: many visitors read on phones.",
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    button = LinkButtonBlock()
    external_media = ExternalMediaBlock()

    class Meta:
        block_counts = {}


class WidelySharedBodyBlock(BodyBlock):
    """The shared blocks for pages copied far beyond the site (news): figures refuse images that may show an
    identifiable child."""

    figure = FigureWithoutChildBlock()
