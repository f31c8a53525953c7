"""Reads of the case ↔ request loop: the advanced cases a request form or an adoption shows."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from portal.cms.locales import originals
from portal.cms.models import CaseStudyPage
from portal.community.selectors.support_requests import SIMILAR_LIMIT
from portal.search import search


def similar_case_studies(*, title: str, limit=SIMILAR_LIMIT):
    """Published advanced cases sharing words with `title`: adopting one may beat a new request.
    The Japanese originals: a request links the original (and is written in Japanese)."""
    return list(
        search(originals(CaseStudyPage.objects.live().public()), title, match="any")[:limit]
    )


def case_study_get_public(*, pk):
    """The Japanese original of a live, public advanced case (what a visitor could read), else
    404. `pk` may be a translation's or an alias's: the request links the original all the same,
    so an adoption is counted once whichever language's page it started from."""
    if not 0 < pk < 2**63:  # beyond any database integer: no such page
        raise Http404
    readable = CaseStudyPage.objects.live().public()
    same_page = CaseStudyPage.objects.filter(pk=pk).values("translation_key")
    return get_object_or_404(originals(readable).filter(translation_key__in=same_page))
