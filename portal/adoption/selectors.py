"""Reads of the case ↔ request loop: the advanced cases a request form or an adoption shows."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from portal.cms.models import CaseStudyPage
from portal.community.selectors.support_requests import SIMILAR_LIMIT
from portal.search import search


def similar_case_studies(*, title: str, limit=SIMILAR_LIMIT):
    """Published advanced cases sharing words with `title`: adopting one may beat a new request."""
    return list(search(CaseStudyPage.objects.live().public(), title, match="any")[:limit])


def case_study_get_public(*, pk):
    """A live, public advanced case (what a visitor could read), else 404."""
    if not 0 < pk < 2**63:  # beyond any database integer: no such page
        raise Http404
    return get_object_or_404(CaseStudyPage.objects.live().public(), pk=pk)
