"""Case stories: what APLE's work meant for one child or family, told with the safeguards peers use, enforced by the
CMS rather than left to memory.

- The name used is never the child's real name: the editor confirms it, and the page says so.
- A story records the family's consent (when, who gave it, where the signed record is kept, when it expires). It
  cannot be submitted or published without it, and it is unpublished when its consent expires: its expiry is set
  from the consent (Wagtail's expire_at, acted on by `manage.py publish_scheduled` every hour), and until that runs
  the page, the listing and the sitemap already hide it.
- Each image in the story says whether it shows no identifiable child or whether the consent covers it; cards and
  link previews only ever use images that show no identifiable child (aple_site/images/consent.py).
- Stories go through the 'Story approval' workflow: moderators, then the Safeguarding group. Nobody can publish a
  story whose latest version that workflow has not approved (StoryPermissionTester).

The section starts empty: no story is ever invented."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PagePermissionTester, WorkflowState
from wagtail.search import index

from aple_site.i18n.forms import PageFormInItsLanguage, SharedFieldPanel
from aple_site.mixins import ListingFieldsMixin, SectionIndexPage, SitePage, with_image
from aple_site.web.listings import DatedMixin, dated_listing

from .blocks import StoryBodyBlock

# A family's consent covers a story for at most five years; then APLE asks again (as peers do).
MAX_CONSENT_YEARS = 5
CONSENT_FIELDS = ("consent_obtained_on", "consent_given_by", "consent_record_location", "consent_expires_on")
NO_PUBLISHING_WITHOUT_CONSENT = (
    "A case story cannot be submitted or published without its consent record: fill in when consent was obtained, "
    "who gave it, where the signed record is kept and when it expires."
)


def today():
    return timezone.localdate()


def live_stories_in(index):
    """The live, public stories of a story index whose consent has not expired, newest first."""
    stories = StoryPage.objects.live().public().child_of(index).filter(consent_expires_on__gt=today())
    return with_image(stories, "listing_image").defer_streamfields().order_by("-date", "-pk")


class StoryIndexPermissionTester(PagePermissionTester):
    """A new story cannot be published as it is created: it is saved as a draft and goes through the workflow."""

    def can_publish_subpage(self):
        return False


class StoryIndexPage(SectionIndexPage):
    """'Case stories' (one per site and language, under the home page): the stories whose consent is current,
    newest first, ten to a page."""

    icon = "users"  # static/icons/: marks this page on cards and in links
    shown_when_empty = False  # out of the menu until a story is published
    cache_query_params = ("year", "page")
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = "Case stories (the list of stories)"

    def permissions_for_user(self, user):
        return StoryIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dated_listing(request, live_stories_in(self)))
        return context


class StoryPageForm(PageFormInItsLanguage):
    """Drafts may be incomplete; submitting or publishing needs the whole safeguarding record."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:  # saving a draft
            return cleaned_data
        if not cleaned_data.get("pseudonym_notice", self.instance.pseudonym_notice):
            self.add_error(
                "pseudonym_notice",
                "Confirm that the name used is not the child's real name: a story cannot be published otherwise.",
            )
        if any(not cleaned_data.get(name) for name in CONSENT_FIELDS if name in self.fields):
            self.add_error(None, NO_PUBLISHING_WITHOUT_CONSENT)
        expires = cleaned_data.get("consent_expires_on")
        if expires and expires <= today():
            self.add_error("consent_expires_on", "This consent has expired. Ask the family again before publishing.")
        return cleaned_data


class StoryPermissionTester(PagePermissionTester):
    """Publishing a story needs, besides Wagtail's publish permission, the approval of the whole 'Story approval'
    workflow for its latest version: a moderator cannot publish past the Safeguarding group, and the Safeguarding
    group's final approval publishes it."""

    def can_publish(self):
        return super().can_publish() and self.page.workflow_approved_latest_revision()

    def can_publish_subpage(self):
        return False  # stories have no subpages

    def can_copy(self):
        return False  # a copy would publish the story again without its review


class StoryPage(DatedMixin, ListingFieldsMixin, SitePage):
    """One case story under 'Case stories'. Its consent record is the same in every language (entered on the
    English page) and never shown to visitors. The record's fields are required, which Wagtail asks for when a
    story is submitted or published, not while its draft is saved."""

    icon = "users"  # static/icons/: marks this page on cards and in links
    result_label = _("Case story")  # in search results, beside the title

    date = models.DateField(
        default=datetime.date.today, help_text="When the story was written. Stories are listed newest first."
    )
    summary = models.TextField(max_length=300, help_text="The story in one or two sentences, for the list of stories.")
    body = StreamField(
        StoryBodyBlock(),
        blank=True,
        help_text=(
            "The story. Never write the child's real name, school, village or anything else that could identify them."
        ),
    )
    pseudonym_notice = models.BooleanField(
        "the name used is not the child's real name",
        default=True,
        help_text="Required to publish. Visitors read that names and details were changed to protect the child.",
    )
    consent_obtained_on = models.DateField(
        "consent obtained on", null=True, help_text="The date the consent form was signed."
    )
    consent_given_by = models.CharField(
        "consent given by",
        max_length=120,
        help_text="Their role, not their name, e.g. 'the child's mother' or 'the child (aged 16) and her guardian'.",
    )
    consent_record_location = models.CharField(
        "where the signed record is kept",
        max_length=200,
        help_text="Where staff can find the signed form, e.g. 'Phnom Penh office, safeguarding file'.",
    )
    consent_expires_on = models.DateField(
        "consent expires on",
        null=True,
        help_text=(
            f"The last day the consent covers, at most {MAX_CONSENT_YEARS} years after it was obtained. The story is "
            "taken down automatically on this day; ask the family again before then to keep it."
        ),
    )

    content_panels = Page.content_panels + [
        SharedFieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                SharedFieldPanel("pseudonym_notice"),
                FieldRowPanel([SharedFieldPanel("consent_obtained_on"), SharedFieldPanel("consent_expires_on")]),
                SharedFieldPanel("consent_given_by"),
                SharedFieldPanel("consent_record_location"),
            ],
            heading="Safeguarding and consent (never shown to visitors)",
            help_text=(
                "A story cannot be published without this record. It is reviewed by a moderator and then by the "
                "Safeguarding group."
            ),
        ),
    ]
    # The consent record is not searchable: search shows what it indexes.
    search_fields = SitePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    description_field = "summary"
    base_form_class = StoryPageForm
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    shared_fields = (*ListingFieldsMixin.shared_fields, "date", *CONSENT_FIELDS, "pseudonym_notice", "expire_at")

    class Meta:
        verbose_name = "case story"
        verbose_name_plural = "case stories"

    def clean(self):
        super().clean()
        errors = {}
        obtained, expires = self.consent_obtained_on, self.consent_expires_on
        if obtained and obtained > today():
            errors["consent_obtained_on"] = "Consent cannot have been obtained in the future."
        if obtained and expires and expires <= obtained:
            errors["consent_expires_on"] = "The consent must expire after the day it was obtained."
        elif obtained and expires and expires > _years_after(obtained, MAX_CONSENT_YEARS):
            errors["consent_expires_on"] = (
                f"A story may be published for at most {MAX_CONSENT_YEARS} years after consent was obtained "
                f"(until {_years_after(obtained, MAX_CONSENT_YEARS):%d %B %Y}). Ask the family again after that."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Whatever publishes a story (the admin, a workflow, code) saves it live: never without its record. (Not in
        # clean(): a new page is live until the admin saves it as a draft.) A draft's save of a live story's other
        # columns (update_fields) leaves the live record as it is.
        update_fields = kwargs.get("update_fields")
        writes_record = update_fields is None or bool({"live", *CONSENT_FIELDS} & set(update_fields))
        if self.live and writes_record and not self.consent_is_complete():
            raise ValidationError(NO_PUBLISHING_WITHOUT_CONSENT)
        # The consent's end is the story's expiry (renewing the consent moves it); to take a story down earlier,
        # unpublish it.
        if self.consent_expires_on is not None:
            self.expire_at = self.consent_ends_at()
        return super().save(*args, **kwargs)

    def consent_is_complete(self):
        return self.pseudonym_notice and all(getattr(self, name) for name in CONSENT_FIELDS)

    def consent_ends_at(self):
        """The moment the consent ends: the start of its expiry day, in the site's time zone."""
        if self.consent_expires_on is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.consent_expires_on, datetime.time.min))

    def consent_has_expired(self):
        return self.consent_expires_on is None or self.consent_expires_on <= today()

    def permissions_for_user(self, user):
        return StoryPermissionTester(user, self)

    def workflow_approved_latest_revision(self):
        """Has the whole workflow approved the story's latest version? True once its last task was approved, and
        until the story is edited again: a version saved after the approval needs an approval of its own. (An
        approver who edits while approving, which Wagtail allows, approves what they saved.)"""
        state = (
            WorkflowState.objects.for_instance(self)
            .filter(status=WorkflowState.STATUS_APPROVED)
            .select_related("current_task_state")
            .order_by("-created_at", "-pk")
            .first()
        )
        approved = state.current_task_state if state else None
        latest = self.latest_revision
        return bool(approved and approved.finished_at and latest and latest.created_at <= approved.finished_at)

    def serve(self, request, *args, **kwargs):
        # Between the consent's end and the next hourly publish_scheduled, the page is already gone.
        if self.consent_has_expired():
            raise Http404("This story is no longer published.")
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.consent_has_expired() else super().get_sitemap_urls(request)


def _years_after(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)
