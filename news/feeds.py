"""The Atom feed of each language's news (Django's syndication framework), at <news index>/feed/: the latest live
news of that index only, so a Khmer reader's feed holds Khmer news."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from aple_site.i18n.pages import language_of

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = language_of(index)  # the feed's xml:lang

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response

    def title(self):
        return _("APLE Cambodia: %(title)s") % {"title": self.index.title}

    def link(self):
        return self.index.get_url(self.request)

    def feed_url(self):
        return self.index.feed_url(self.request)

    def subtitle(self):
        return self.index.intro or None

    def author_name(self):
        return "Action Pour Les Enfants (APLE)"

    def feed_guid(self):
        return self.index.get_full_url(self.request)

    def items(self):
        return list(self.index.live_news()[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)
