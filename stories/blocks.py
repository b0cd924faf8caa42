"""The body of a case story: the shared blocks, with a figure that records whose consent covers its image."""

from django.core.exceptions import ValidationError

from wagtail import blocks

from aple_site.blocks import BodyBlock, FigureBlock


class ImageConsent:
    NO_IDENTIFIABLE_CHILD = "no_identifiable_child"
    CONSENT_COVERS = "consent_covers"
    CHOICES = [
        (NO_IDENTIFIABLE_CHILD, "Shows no identifiable child"),
        (CONSENT_COVERS, "The consent recorded for this story covers this image"),
    ]


class StoryFigureBlock(FigureBlock):
    consent = blocks.ChoiceBlock(
        choices=ImageConsent.CHOICES,
        required=False,  # checked by clean(), so that the message says what to do
        help_text=(
            "Required. If anyone could recognise a child in the image, the family's signed consent for this story must "
            "cover it; otherwise use an image that shows no identifiable child."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is None:
            return value
        if not value.get("consent"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "consent": ValidationError(
                        "Say whether this image shows no identifiable child, or whether the consent covers it."
                    )
                }
            )
        if value["consent"] == ImageConsent.NO_IDENTIFIABLE_CHILD and image.may_identify_a_child:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "consent": ValidationError(
                        "This image's record says it shows, or may show, an identifiable child. Choose 'The consent "
                        "covers this image' if it does, or ask a moderator to check the image and correct its record."
                    )
                }
            )
        return value


class StoryBodyBlock(BodyBlock):
    figure = StoryFigureBlock()
