import io

import pytest
from django.core.management import call_command

from portal.community.models import SupportRequest
from portal.dashboard import selectors
from portal.demo import dashboard as demo

pytestmark = pytest.mark.django_db


def test_demo_gives_the_dashboard_a_year_of_history(settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    total = SupportRequest.objects.count()
    demo.seed(io.StringIO())
    assert SupportRequest.objects.count() == total  # idempotent
    months_with_requests = [row for row in selectors.requests_by_month() if row.count]
    assert len(months_with_requests) >= 8
    adoption = selectors.adoption()
    assert adoption.completed >= 8 and 0 < adoption.rate < 1
    funnel = {stage.key: stage.count for stage in selectors.funnel()}
    assert funnel["completed"] >= 8 and funnel["adopted"] >= 6
