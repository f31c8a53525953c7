"""Atom feeds of the news, event, case and pattern indexes (served as routes of those pages)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.cms.locales import for_reading
from portal.cms.models import CaseStudyPage, EventPage, NewsPage, PatternPage

FEED_ITEMS = 20


class _PageFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def title(self):
        return self.index.title

    def link(self):
        return self.index.url

    def subtitle(self):
        return self.index.intro

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"page-{item.pk}"

    def item_updateddate(self, item):
        return item.last_published_at


class NewsFeed(_PageFeed):
    def items(self):
        news = for_reading(NewsPage.objects.live().public().descendant_of(self.index))
        return news.order_by("-date", "-pk")[:FEED_ITEMS]

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))


class EventFeed(_PageFeed):
    def title(self):
        return _("%(title)s: upcoming events") % {"title": self.index.title}

    def items(self):
        events = for_reading(EventPage.objects.live().public().descendant_of(self.index))
        return events.upcoming()[:FEED_ITEMS]

    def item_description(self, item):
        when = timezone.localtime(item.start_at).strftime("%Y-%m-%d %H:%M")
        return f"{when} — {item.intro}"

    def item_pubdate(self, item):
        return item.first_published_at


class _NewPagesFeed(_PageFeed):
    """The section's pages, newest first: what a town following the library wants to hear of."""

    model = None
    newest_by = "-first_published_at"

    def items(self):
        pages = for_reading(self.model.objects.live().public().descendant_of(self.index))
        return pages.order_by(self.newest_by, "-pk")[:FEED_ITEMS]

    def item_pubdate(self, item):
        return item.first_published_at


class CaseStudyFeed(_NewPagesFeed):
    model = CaseStudyPage

    def title(self):
        return _("%(title)s: new cases") % {"title": self.index.title}


class PatternFeed(_NewPagesFeed):
    """A pattern is revised as more towns adopt it: the latest revision comes first."""

    model = PatternPage
    newest_by = "-last_published_at"

    def title(self):
        return _("%(title)s: new and updated patterns") % {"title": self.index.title}
