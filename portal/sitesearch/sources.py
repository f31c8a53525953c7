"""Site-wide search (/ja/search/): support requests, startups and CMS pages in one place.

Every source is filtered by what the user may read BEFORE searching, so nothing private (drafts,
members-only requests, proposal content) can surface through a result or a count.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.cms import models as cms
from portal.cms.locales import for_reading
from portal.community.models import SupportRequest
from portal.search import search
from portal.startups.selectors import startup_directory

RESULTS_PER_SOURCE = 5
PAGE_SIZE = 20


@dataclass(frozen=True)
class Source:
    key: str
    label: str


SOURCES = [
    Source("requests", _("Support requests")),
    Source("startups", _("Startups")),
    Source("cases", _("Advanced cases")),
    Source("patterns", _("Standard patterns")),
    Source("events", _("Events")),
    Source("subsidies", _("Subsidy programmes")),
    Source("news", _("News")),
    Source("pages", _("Other pages")),
]
SOURCE_KEYS = {source.key for source in SOURCES}


def _page_results(queryset, query):
    """Live, public pages of `queryset` matching `query` (the same analysed search as every
    list), best first, one copy per page in the reader's language (an English reader finds the
    English translation); ``specific()`` so a card can show the page type's own fields."""
    return search(for_reading(queryset.live().public()), query).specific()


def source_results(key: str, *, user, query: str):
    """A lazily evaluated, sliceable result set of one source, best match first."""
    if key == "requests":
        readable = (
            SupportRequest.objects.visible_to(user)
            .published()
            .select_related("municipality__prefecture", "municipality__parent")
        )
        return search(readable, query)
    if key == "startups":
        return startup_directory(user=user, query=query, sort="")
    models = {
        "cases": cms.CaseStudyPage,
        "patterns": cms.PatternPage,
        "events": cms.EventPage,
        "subsidies": cms.SubsidyProgrammePage,
        "news": cms.NewsPage,
    }
    if key in models:
        return _page_results(models[key].objects.all(), query)
    return _page_results(Page.objects.not_type(*models.values()), query)
