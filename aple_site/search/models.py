"""Words staff teach the search: an abbreviation or another word people type, and the words the pages use."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel

from .terms import latin_words


class SearchSynonym(models.Model):
    """'MoSVY' means 'Ministry of Social Affairs, Veterans and Youth Rehabilitation': a search for the first also
    finds pages that say the second. One way only: a search for the ministry's full name is not widened."""

    term = models.CharField(
        "people type",
        max_length=60,
        unique=True,
        help_text="A word, an abbreviation or a short phrase visitors type, e.g. 'MoSVY' or 'donate'.",
    )
    means = models.CharField(
        "pages say",
        max_length=200,
        help_text=(
            "The words the pages use for it, e.g. 'Ministry of Social Affairs, Veterans and Youth "
            "Rehabilitation' or 'give'. A page is found when it has all of them, in any form ('gives', 'giving')."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("means")]

    class Meta:
        ordering = ["term"]
        verbose_name = "search synonym"
        verbose_name_plural = "search synonyms"

    def __str__(self):
        return f"{self.term} → {self.means}"

    def clean(self):
        super().clean()
        if not latin_words(self.term):
            raise ValidationError({"term": "Use letters or digits: the search reads words, not punctuation."})
        if not latin_words(self.means):
            raise ValidationError({"means": "Use letters or digits: the search reads words, not punctuation."})
