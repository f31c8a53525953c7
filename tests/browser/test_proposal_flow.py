"""A new startup signs up, builds its profile, proposes; the official shortlists and selects it
in another browser, and the request moves to co-creation with its channel."""

import re

import pytest
from django.core import mail

from portal.cocreation.models import Channel
from portal.community.models import RequestState, SupportRequest
from portal.startups.models import Proposal, ProposalState
from tests import factories
from tests.browser.conftest import login, serious_axe_violations

pytestmark = [pytest.mark.django_db(transaction=True)]

PASSWORD = "kirin-tonbo-2026!"


def _confirmation_path(body: str) -> str:
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _sign_up_startup(page, base):
    page.goto(f"{base}/ja/accounts/signup/")
    page.get_by_label("メールアドレス").fill("founder@hikari.example.com")
    page.get_by_label("表示名").fill("光 太郎")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name="ユーザー登録").click()
    page.wait_for_url("**/accounts/confirm-email/")
    page.goto(base + _confirmation_path(mail.outbox[-1].body))
    page.get_by_role("button", name="確認").click()
    page.wait_for_url("**/ja/onboarding/")
    page.get_by_label("スタートアップ").check()
    page.get_by_role("button", name="次へ").click()
    page.get_by_label("法人名").fill("株式会社ひかりDX")
    page.get_by_label("法人番号").fill("7000012050002")
    page.get_by_role("button", name="登録する").click()
    page.wait_for_url("**/ja/onboarding/")


def test_startup_proposes_and_official_shortlists_and_selects(new_context, live_server):
    base = live_server.url
    official = factories.official(factories.MAEBASHI)
    support_request = factories.support_request(author=official, title="窓口のオンライン申請拡充")

    startup_page = new_context().new_page()
    _sign_up_startup(startup_page, base)
    startup_page.goto(f"{base}/ja/requests/{support_request.pk}/")
    startup_page.get_by_role("link", name="提案する", exact=True).click()
    startup_page.wait_for_url(f"**/ja/proposals/requests/{support_request.pk}/new/")
    assert serious_axe_violations(startup_page) == []
    startup_page.locator("textarea[name=summary]").fill("LINEで申請できる仕組みを導入します。")
    startup_page.locator("textarea[name=body]").fill(
        "## 提案\n\n3か月で主要手続をオンライン化します。"
    )
    startup_page.locator("input[name=estimated_cost_yen]").fill("3000000")
    startup_page.locator("input[name=timeline]").fill("契約から3か月")
    startup_page.get_by_role("button", name="提案を提出する").click()
    startup_page.wait_for_url(re.compile(r".*/ja/proposals/\d+/$"))
    assert "提案を提出しました" in startup_page.content()
    proposal = Proposal.objects.get(support_request=support_request)
    assert proposal.state == ProposalState.SUBMITTED
    assert proposal.startup.name == "株式会社ひかりDX"

    official_page = new_context().new_page()
    login(official_page, base, official.email, factories.TEST_PASSWORD)
    official_page.goto(f"{base}/ja/requests/{support_request.pk}/")
    official_page.get_by_role("link", name="提案を比較する").click()
    official_page.wait_for_url(f"**/ja/proposals/requests/{support_request.pk}/compare/")
    assert "株式会社ひかりDX" in official_page.content()
    assert "3,000,000 円" in official_page.content()
    assert serious_axe_violations(official_page) == []

    official_page.get_by_role("link", name="候補に選ぶ 株式会社ひかりDX").click()
    official_page.get_by_role("button", name="候補に選ぶ").click()
    official_page.wait_for_url("**/compare/")
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SHORTLISTED

    official_page.get_by_role("link", name="採択する 株式会社ひかりDX").click()
    official_page.get_by_role("button", name="採択して共創を始める").click()
    official_page.wait_for_url("**/compare/")
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SELECTED
    official_page.goto(f"{base}/ja/requests/{support_request.pk}/")
    assert "共創中" in official_page.content()
    assert SupportRequest.objects.get(pk=support_request.pk).state == RequestState.CO_CREATING
    channel = Channel.objects.get(subject_id=support_request.pk, kind="support_request")
    members = set(channel.memberships.values_list("user__email", flat=True))
    assert {official.email, "founder@hikari.example.com"} <= members

    # The startup sees the decision on its dashboard and goes from its proposal to the channel.
    startup_page.goto(f"{base}/ja/proposals/")
    assert "窓口のオンライン申請拡充" in startup_page.content()
    assert serious_axe_violations(startup_page) == []
    startup_page.goto(base + proposal.get_absolute_url())
    startup_page.get_by_role("link", name="共創チャンネルを開く").click()
    startup_page.wait_for_url(f"**{channel.get_absolute_url()}")
    official_page.goto(f"{base}/ja/proposals/requests/{support_request.pk}/compare/")
    official_page.get_by_role("link", name="共創チャンネルを開く").click()
    official_page.wait_for_url(f"**{channel.get_absolute_url()}")
