"""The cookie policy page, and how long each cookie lasts (django-cookie-consent has no such field)."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cookie_consent.models import Cookie, CookieGroup

from ..blocks import BodyBlock
from ..mixins import ListingFieldsMixin, SitePage
from .groups import in_use


class CookiePolicyPage(ListingFieldsMixin, SitePage):
    """The cookie policy (one per site, under the home page). Its tables of cookie groups and cookies are
    read from the consent database on every render, so the policy always says what the site really does."""

    intro = models.TextField(
        max_length=600, help_text="A short, plain explanation of how the site uses cookies, shown above the tables."
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        help_text="Anything else the policy must say (contact for questions, date of last change).",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    description_field = "intro"
    parent_page_types = ["aple_site.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "cookie policy"

    def related_context(self):
        cookies = Cookie.objects.select_related("duration").order_by("name")
        groups = CookieGroup.objects.order_by("ordering", "name").prefetch_related(
            Prefetch("cookie_set", queryset=cookies, to_attr="listed_cookies")
        )
        return {"cookie_groups": list(groups)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cookie_groups"] = in_use(context["cookie_groups"])  # (which are in use is a setting, not content)
        return context


class CookieDuration(models.Model):
    """How long a cookie lasts, for the cookie policy's tables (django-cookie-consent has no such field)."""

    cookie = models.OneToOneField(
        "cookie_consent.Cookie",
        on_delete=models.CASCADE,
        related_name="duration",
        help_text="The cookie this duration belongs to.",
    )
    duration = models.CharField(
        max_length=60,
        help_text="How long the browser keeps the cookie, in plain words, e.g. '1 year' or '30 minutes'.",
    )

    panels = [FieldPanel("cookie"), FieldPanel("duration")]

    class Meta:
        verbose_name = "cookie duration"
        ordering = ["cookie__name"]

    def __str__(self):
        return f"{self.cookie.name}: {self.duration}"


OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class CookieGroupText(models.Model):
    """A cookie group's name and description in a language other than English, as the banner, the preferences
    page and the cookie policy of that language show them. Without one, the English wording is shown, translated
    by the interface's catalogue where it is the seeded wording (aple_site/consent/groups.py)."""

    group = models.ForeignKey(CookieGroup, on_delete=models.CASCADE, related_name="texts", verbose_name="cookie group")
    language = models.CharField(max_length=10, choices=OTHER_LANGUAGES, default=OTHER_LANGUAGES[0][0])
    name = models.CharField(
        max_length=100, help_text="The group's name in that language, e.g. on the banner's switches."
    )
    description = models.TextField(
        max_length=1000,
        help_text="What the group's cookies do and why, in that language: shown under its name on the banner, the "
        "cookie preferences page and the cookie policy.",
    )

    panels = [FieldPanel("group"), FieldPanel("language"), FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = "cookie group in another language"
        verbose_name_plural = "cookie groups in other languages"
        constraints = [models.UniqueConstraint(fields=["group", "language"], name="one_text_per_group_and_language")]

    def __str__(self):
        return f"{self.group.name} ({self.get_language_display()})"
