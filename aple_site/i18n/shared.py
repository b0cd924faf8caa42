"""Facts that are the same in every language, entered once on the source page.

A page's translations (wagtail.contrib.simple_translation) are copies: without care, a fact changed on the
English page (a strategy archived, a period corrected) stays as it was on the Khmer copy. A page type lists
such fields in `shared_fields`; then saving the source page (the one in the default language) writes them to
every translation, and saving a translation takes them from its source first, so a translator's stale draft
can never bring an old value back."""

from django.conf import settings
from django.db import models


class SharedFieldsMixin(models.Model):
    """Keeps `shared_fields` identical across a page's translations; the default language's page decides."""

    shared_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        touches_facts = update_fields is None or bool(set(update_fields) & set(self.shared_fields))
        source = self.take_shared_fields_from_source() if touches_facts else None
        result = super().save(*args, **kwargs)
        if touches_facts and source is None and self.shared_fields:
            # An update, not save(): the translations' own content (their text) is left alone.
            type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
                **{name: getattr(self, name) for name in self.shared_fields}
            )
        return result

    def clean(self):
        self.take_shared_fields_from_source()  # validate what will be saved
        super().clean()

    def source_translation(self):
        """This page's version in the default language, or None when this is it (or there is none)."""
        if self.locale_id is None or self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )

    def take_shared_fields_from_source(self):
        """Copy the shared facts from the source page, if this is a translation of one."""
        source = self.source_translation() if self.shared_fields else None
        for name in self.shared_fields if source else ():
            setattr(self, name, getattr(source, name))
        return source
