"""From selection to full adoption in the browser: the official moves every stage and records
its details, the selected startup proposes an update that the official confirms, and the
request ends completed with its outcome from the stages. axe checks the new pages."""

import pytest

from portal.cocreation.models import Channel
from portal.community.models import RequestState, SupportRequest
from portal.community.models.support_requests import deadline_today
from portal.stages.models import CoCreation
from tests import factories
from tests.browser.conftest import login, serious_axe_violations
from tests.factories import TEST_PASSWORD
from tests.stages.conftest import select

pytestmark = [pytest.mark.django_db(transaction=True)]


def _save(page):
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/stages/")


def _advance(page, today, *, planned_end=""):
    page.get_by_test_id("advance").click()
    page.locator("[name=entered_on]").fill(today)
    if planned_end:
        page.locator("[name=planned_end]").fill(planned_end)
    _save(page)


def _details(page, base, pk, stage, values):
    page.goto(f"{base}/ja/requests/{pk}/stages/details/{stage}/")
    for name, value in values.items():
        field = page.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    _save(page)


def test_an_official_and_a_startup_walk_from_selection_to_adoption(new_context, live_server):
    base, today = live_server.url, deadline_today().isoformat()
    official = factories.official(factories.MAEBASHI, user__email="cdo@city.maebashi.lg.jp")
    startup_user = factories.startup_member()
    support_request = factories.support_request(author=official, title="窓口予約のオンライン化")
    select(support_request, official, startup_user)
    pk = support_request.pk

    page = new_context().new_page()
    login(page, base, official.email, TEST_PASSWORD)
    page.goto(f"{base}/ja/requests/{pk}/")
    assert page.get_by_test_id("stage-timeline").is_visible()
    page.get_by_role("link", name="段階トラッカーを開く").click()
    page.wait_for_url(f"**/ja/requests/{pk}/stages/")
    assert page.get_by_test_id("current-stage").inner_text() == "選定"
    assert serious_axe_violations(page) == []

    page.get_by_test_id("advance").click()
    page.locator("[name=entered_on]").wait_for()
    assert serious_axe_violations(page) == []
    page.locator("[name=entered_on]").fill(today)
    _save(page)
    assert page.get_by_test_id("current-stage").inner_text() == "協定"
    _details(
        page,
        base,
        pk,
        "agreement",
        {"agreement_kind": "poc", "agreement_parties": "前橋市・スタートアップ"},
    )

    startup_page = new_context().new_page()
    login(startup_page, base, startup_user.email, TEST_PASSWORD)
    startup_page.goto(f"{base}/ja/requests/{pk}/stages/")
    startup_page.get_by_test_id("propose").click()
    startup_page.locator("[name=agreement_signed_on]").wait_for()
    assert serious_axe_violations(startup_page) == []
    startup_page.locator("[name=agreement_signed_on]").fill(today)
    startup_page.locator("[name=note]").fill("本日、実証協定を締結しました。")
    _save(startup_page)

    page.reload()
    update = CoCreation.objects.get(support_request_id=pk).updates.get()
    page.get_by_test_id(f"confirm-{update.pk}").click()
    page.wait_for_url("**/stages/")
    _advance(page, today, planned_end=today)
    assert page.get_by_test_id("current-stage").inner_text() == "実証"

    page.goto(f"{base}/ja/requests/{pk}/stages/kpis/new/")
    page.locator("[name=name]").fill("オンライン予約率")
    page.locator("[name=unit]").fill("%")
    page.locator("[name=target]").fill("30")
    _save(page)
    _details(page, base, pk, "poc", {"poc_actual_start": today, "poc_actual_end": today})
    _advance(page, today)
    page.goto(f"{base}/ja/requests/{pk}/stages/kpis/results/")
    page.locator("input[name^=kpi_]").fill("41")
    _save(page)
    _details(page, base, pk, "evaluation", {"evaluation_decision": "go"})
    _advance(page, today)
    _details(
        page,
        base,
        pk,
        "budget",
        {"budget_fiscal_year": "2027", "budget_amount_yen": "4800000", "budget_kind": "initial"},
    )
    _advance(page, today)
    _details(
        page,
        base,
        pk,
        "procurement",
        {"procurement_route": "proposal", "procurement_contracted_on": today},
    )
    page.get_by_test_id("advance").click()
    page.locator("[name=entered_on]").fill(today)
    page.locator("[name=lessons]").fill("原課と情報システム部門が一緒に進めた。")
    _save(page)
    assert page.get_by_test_id("current-stage").inner_text() == "本格導入"
    assert "原課と情報システム部門" in page.content()

    request = SupportRequest.objects.get(pk=pk)
    assert request.state == RequestState.COMPLETED
    assert (request.outcome_adopted, request.outcome_contract_route) == (True, "proposal")
    page.goto(f"{base}/ja/requests/{pk}/")
    assert page.get_by_test_id("stage-timeline").is_visible()
    assert serious_axe_violations(page) == []
    page.goto(f"{base}/ja/co-creations/")
    assert serious_axe_violations(page) == []


def test_the_channel_shows_the_current_stage_and_next_step(new_context, live_server):
    base = live_server.url
    official = factories.official(factories.MAEBASHI, user__email="cio@city.maebashi.lg.jp")
    startup_user = factories.startup_member()
    support_request = factories.support_request(author=official, title="道路損傷の通報")
    select(support_request, official, startup_user)
    page = new_context().new_page()
    login(page, base, startup_user.email, TEST_PASSWORD)
    channel = Channel.objects.get(subject_id=support_request.pk)
    page.goto(base + channel.get_absolute_url())
    banner = page.get_by_test_id("channel-stage")
    assert "選定" in banner.inner_text()
    assert page.get_by_test_id("stage-next-step").is_visible()
    assert serious_axe_violations(page) == []
    page.goto(f"{base}/ja/proposals/")
    assert page.get_by_test_id("stage-waiting").is_visible()
    assert serious_axe_violations(page) == []
