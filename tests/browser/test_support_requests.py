"""An official drafts, previews and publishes a request; another municipality's official finds
it in Japanese and joins it; the author accepts. Pages are checked with axe.

The English interface (/en/) is used for labels so the test does not depend on the Japanese
catalogue; the content typed is Japanese.
"""

import datetime
import re

import pytest
from django.utils import timezone

from portal.community.models import JoinState, RequestState, SupportRequest
from tests import factories
from tests.browser.conftest import login, serious_axe_violations

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture
def officials(db):
    maebashi = factories.official(factories.MAEBASHI, user__display_name="前橋 花子")
    shiojiri = factories.official(factories.SHIOJIRI, user__display_name="塩尻 太郎")
    return maebashi, shiojiri


def test_official_publishes_a_request_and_another_municipality_joins_it(
    new_context, live_server, officials
):
    maebashi, shiojiri = officials
    base = live_server.url
    factories.support_request(
        municipality=factories.municipality(factories.YOKOHAMA), title="避難所受付のデジタル化"
    )

    author = new_context().new_page()
    login(author, base, maebashi.email, factories.TEST_PASSWORD)
    author.goto(f"{base}/en/requests/new/")
    author.get_by_label("Title").fill("避難所運営と防災訓練のデジタル化")
    # While the title is typed, similar published requests appear (JavaScript).
    author.get_by_role("link", name="避難所受付のデジタル化").wait_for()
    author.get_by_label("Summary").fill("避難所の受付と物資の状況をリアルタイムで把握したい。")
    author.get_by_label("Details").fill("## 背景\n\n総合防災訓練で受付に**長い列**ができました。")
    author.get_by_label("Category").select_option(label="Disaster prevention")
    author.get_by_label("Tags").fill("避難所, 防災DX")
    author.get_by_label("Budget range").select_option(label="¥5–10 million")
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    author.get_by_label("Proposal deadline").fill(deadline.isoformat())
    assert serious_axe_violations(author) == []
    author.get_by_role("button", name="Save draft and preview").click()

    author.wait_for_url(re.compile(r".*/en/requests/\d+/preview/$"))
    request = SupportRequest.objects.get(title="避難所運営と防災訓練のデジタル化")
    assert request.state == RequestState.DRAFT
    preview = author.locator(".preview-banner")
    assert preview.get_by_role("link", name="避難所受付のデジタル化").is_visible()
    assert author.locator(".prose strong").inner_text() == "長い列"
    assert serious_axe_violations(author) == []
    preview.get_by_role("button", name="Publish").click()

    author.wait_for_url(f"**/en/requests/{request.pk}/")
    assert author.locator(".badge--open").first.inner_text() == "Open for proposals"
    request.refresh_from_db()
    assert request.state == RequestState.OPEN

    joiner = new_context().new_page()
    login(joiner, base, shiojiri.email, factories.TEST_PASSWORD)
    joiner.goto(f"{base}/en/requests/")
    joiner.get_by_label("Keywords").fill("防災")
    joiner.get_by_role("button", name="Search").click()
    result = joiner.get_by_role("link", name="避難所運営と防災訓練のデジタル化")
    assert joiner.locator(".request-card mark").first.inner_text() == "防災"
    assert serious_axe_violations(joiner) == []
    result.click()
    joiner.get_by_role("link", name="We have the same problem").click()
    joiner.get_by_label(re.compile("How does the problem show up")).fill("塩尻市も訓練で同じ課題")
    joiner.get_by_role("button", name="Ask to join").click()
    joiner.wait_for_url(f"**/en/requests/{request.pk}/")
    assert "waiting for an answer" in joiner.locator(".actions__status").inner_text()

    author.reload()
    joins = author.locator(".joins__item")
    assert "長野県塩尻市" in joins.inner_text() and "塩尻市も訓練で同じ課題" in joins.inner_text()
    joins.get_by_role("button", name=re.compile("Accept as co-sponsor")).click()
    author.wait_for_url(f"**/en/requests/{request.pk}/")
    assert "2 municipalities share this" in author.locator(".request__municipalities").inner_text()
    assert request.joins.get().state == JoinState.ACCEPTED
    assert serious_axe_violations(author) == []
    author.goto(f"{base}/en/requests/dashboard/")
    assert author.get_by_role("link", name="避難所運営と防災訓練のデジタル化").is_visible()
    assert serious_axe_violations(author) == []

    joiner.reload()
    assert "co-sponsor" in joiner.locator(".actions__status").inner_text()
