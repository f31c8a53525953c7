"""The community dashboard in a browser: axe on the public page (wide and narrow, ja and en), a CSV
download, and the moderators' page in the Wagtail admin."""

import pytest
from django.test import Client

from tests import factories
from tests.browser.conftest import serious_axe_violations
from tests.cms.factories import with_totp
from tests.dashboard.conftest import build_events, build_requests

pytestmark = [pytest.mark.django_db(transaction=True)]


def _community():
    build_requests([factories.StartupFactory(), factories.StartupFactory()])
    build_events([factories.UserFactory() for _n in range(4)])


@pytest.mark.parametrize("width", [390, 1280])
def test_public_dashboard_passes_axe_in_both_languages(new_context, live_server, width):
    _community()
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    for language in ("ja", "en"):
        response = page.goto(f"{live_server.url}/{language}/dashboard/")
        assert response.status == 200
        assert serious_axe_violations(page) == [], language
    page.get_by_role("link", name="Last 12 months").click()
    page.wait_for_url("**/en/dashboard/?period=12m")
    assert page.get_by_role("link", name="Last 12 months").get_attribute("aria-current") == "true"


def test_visitor_downloads_a_figure_as_csv(new_context, live_server):
    _community()
    page = new_context().new_page()
    page.goto(f"{live_server.url}/ja/dashboard/")
    with page.expect_download() as download_info:
        page.get_by_test_id("csv-categories").click()
    download = download_info.value
    assert download.suggested_filename == "dashboard-categories-all.csv"
    content = download.path().read_text(encoding="utf-8")
    assert content.startswith("\ufeff分野,支援要請数")


def test_moderator_reads_the_dashboard_in_the_admin(new_context, live_server):
    _community()
    client = Client()
    client.force_login(
        with_totp(factories.moderator()), backend="django.contrib.auth.backends.ModelBackend"
    )
    context = new_context()
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name="コミュニティ指標").click()
    page.wait_for_url("**/admin/community-dashboard/")
    assert page.get_by_test_id("kpi-active-startups").is_visible()
    assert page.get_by_role("heading", name="イベント別の参加状況").is_visible()
