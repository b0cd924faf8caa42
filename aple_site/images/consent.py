"""Where an image that may show an identifiable child may not go: anywhere it is copied beyond the page that
tells its story with consent (cards, link previews on social media, news).

An image's 'shows an identifiable child' field decides (aple_site/images/models.py); unknown counts as yes."""

from django.core.exceptions import ValidationError

NOT_FOR_SHARING = (
    "This image may show an identifiable child, so it cannot be used here: cards, news and link previews on social "
    "media copy it far beyond this page. Choose an image whose 'Shows an identifiable child' field says it shows no "
    "child who could be recognised."
)


def refuse_identifiable_images(page, field_names):
    """Raise a ValidationError on each of the page's image fields that holds an image which may identify a
    child."""
    errors = {
        name: ValidationError(NOT_FOR_SHARING, code="identifiable_child")
        for name in field_names
        if (image := getattr(page, name, None)) is not None and image.may_identify_a_child
    }
    if errors:
        raise ValidationError(errors)
