"""Factories for the core's pages and images: a small page tree built in a test, without the seed."""

import factory
import wagtail_factories

from .models import CookiePolicyPage, HomePage, PrivacyNoticePage, StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    """An image someone has checked and recorded as showing no identifiable child, as a page's card or photo must
    be. Tests of the rule for children's images pass shows_identifiable_child="yes" or "unknown"."""

    description = "A photo"
    shows_identifiable_child = "no"


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Protecting Cambodia's children"
    slug = "home-test"
    mission = "We protect children from sexual abuse and exploitation."
    what_we_do = "<p>We help the police, the courts and communities.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An opening paragraph."

    class Meta:
        model = StandardPage


class PrivacyNoticePageFactory(wagtail_factories.PageFactory):
    title = "Privacy notice"
    slug = "privacy"
    intro = "What this site keeps about you."

    class Meta:
        model = PrivacyNoticePage


class CookiePolicyPageFactory(wagtail_factories.PageFactory):
    title = "Cookie policy"
    slug = "cookie-policy"
    intro = "How this site uses cookies."

    class Meta:
        model = CookiePolicyPage
