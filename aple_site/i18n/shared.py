"""Facts that are the same in every language, entered once on the source page.

A page's translations (wagtail.contrib.simple_translation) are copies: without care, a fact changed on the
English page (a strategy archived, an office's phone corrected) stays as it was on the Khmer copy. A page type
lists such fields in `shared_fields`: plain values (dates, years, categories, status, coordinates, contact
details), images and documents, and relations to other pages (a foreign key or a ParentalManyToManyField).

- Saving the source page (the one in the default language) writes them to every translation.
- Saving a translation takes them from its source first, so a translator's stale draft never brings an old
  value back; its admin form shows them read-only (aple_site/i18n/forms.py).
- A relation points at the related page's translation in the page's own language where there is one, else at
  the page itself (the public pages show each related page in the visitor's language either way). When a
  page gets a translation, the translations that pointed at its source point at it instead.

Why this and not wagtail-localize: see docs/editors/languages.md."""

from django.conf import settings
from django.db import models

from wagtail.models import TranslatableMixin


def _is_page_relation(field):
    return field.is_relation and issubclass(field.related_model, TranslatableMixin)


def in_locale(pages, locale_id):
    """Each of `pages` replaced by its translation in `locale_id` where it has one (one query), in order."""
    pages = list(pages)
    if not pages:
        return []
    model = pages[0]._meta.concrete_model  # all the pages of one relation share it
    translations = {
        page.translation_key: page
        for page in model.objects.filter(translation_key__in=[p.translation_key for p in pages], locale_id=locale_id)
    }
    return [translations.get(page.translation_key, page) for page in pages]


class SharedFieldsMixin(models.Model):
    """Keeps `shared_fields` identical across a page's translations; the default language's page decides."""

    shared_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        touches_facts = update_fields is None or bool(set(update_fields) & set(self.shared_fields))
        adding = self._state.adding
        source = self.take_shared_fields_from_source() if touches_facts else None
        result = super().save(*args, **kwargs)
        if touches_facts and source is None and self.shared_fields:
            self._write_shared_fields_to_translations()
        if adding and (original := source or self.source_translation()) is not None:
            repoint_relations(original, self)
        return result

    def clean(self):
        self.take_shared_fields_from_source()  # validate what will be saved
        super().clean()

    def is_translation(self):
        """True for a page in another language than the default whose default-language version exists."""
        return self.source_translation() is not None

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
        """Copy the shared facts from the source page, if this is a translation of one. Returns the source."""
        source = self.source_translation() if self.shared_fields else None
        for name in self.shared_fields if source else ():
            field = self._meta.get_field(name)
            if field.many_to_many:
                # In memory: a ParentalManyToManyField is written by save(), and a revision keeps it as set here.
                setattr(self, name, in_locale(getattr(source, name).all(), self.locale_id))
            elif _is_page_relation(field):
                related = getattr(source, name)
                setattr(self, name, in_locale([related], self.locale_id)[0] if related else None)
            else:
                setattr(self, field.attname, getattr(source, field.attname))
        return source

    def _write_shared_fields_to_translations(self):
        """Write this (source) page's shared facts to its translations: their own text is left alone."""
        model = type(self)
        translations = list(model.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk))
        fields = [self._meta.get_field(name) for name in self.shared_fields]
        for translation in translations:
            values = {}
            for field in fields:
                if field.many_to_many:
                    _set_relation(
                        field, translation.pk, in_locale(getattr(self, field.name).all(), translation.locale_id)
                    )
                elif _is_page_relation(field):
                    related = getattr(self, field.name)
                    values[field.attname] = in_locale([related], translation.locale_id)[0].pk if related else None
                else:
                    values[field.attname] = getattr(self, field.attname)
            if values:
                model.objects.filter(pk=translation.pk).update(**values)


def _set_relation(field, page_pk, targets):
    """Replace the rows of a many-to-many relation of page `page_pk` with `targets` (through its join table)."""
    through = field.remote_field.through
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.filter(**{f"{own}_id": page_pk}).delete()
    through.objects.bulk_create(through(**{f"{own}_id": page_pk, f"{other}_id": target.pk}) for target in targets)


def shared_page_relations():
    """(model, field) for every shared relation between pages, across the installed page types."""
    from wagtail.models import get_page_models

    for model in get_page_models():
        for name in getattr(model, "shared_fields", ()):
            field = model._meta.get_field(name)
            if _is_page_relation(field) and field.model is model:
                yield model, field


def repoint_relations(original, translation):
    """`translation` (of `original`) is new: pages in its language that pointed at `original` point at it now."""
    for model, field in shared_page_relations():
        if not isinstance(original, field.related_model):
            continue
        if field.many_to_many:
            through = field.remote_field.through
            own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.filter(**{f"{other}_id": original.pk, f"{own}__locale_id": translation.locale_id}).update(
                **{f"{other}_id": translation.pk}
            )
        else:
            model.objects.filter(**{field.name: original.pk, "locale_id": translation.locale_id}).update(
                **{field.attname: translation.pk}
            )
