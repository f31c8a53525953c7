"""On the demo data, each request's top three recommendations include the intended startup."""

import pytest
from django.core.management.base import OutputWrapper

from portal.community.models import SupportRequest
from portal.demo.management.commands.seed_demo import SEEDERS
from portal.startups.demo import INTENDED_MATCHES
from portal.startups.matching import recommended_startups

pytestmark = pytest.mark.django_db


def test_the_intended_startup_is_in_each_requests_top_three(settings):
    import io

    settings.DEBUG = True
    out = OutputWrapper(io.StringIO())
    for seed in SEEDERS:
        seed(out)
    requests = {r.title: r for r in SupportRequest.objects.filter(title__in=INTENDED_MATCHES)}
    assert set(requests) == set(INTENDED_MATCHES)
    misses = {}
    for title, slug in INTENDED_MATCHES.items():
        top = recommended_startups(support_request=requests[title], limit=3)
        slugs = [match.startup.slug for match in top]
        if slug not in slugs:
            misses[title] = (slug, slugs)
        else:
            match = top[slugs.index(slug)]
            assert match.reasons, title
    assert not misses, misses
