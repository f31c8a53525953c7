"""Two officials of similar towns: from a municipality page's 類似団体 to a direct conversation,
a message delivered live, and the pages of issue 17 passing axe (no serious/critical issues)."""

import re

import pytest
from playwright.sync_api import expect

from portal.community.models import Municipality
from tests import factories
from tests.browser.conftest import login, serious_axe_violations
from tests.cms import factories as cms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KAGA = "172065"
WIDER_THAN_VIEWPORT = "document.documentElement.scrollWidth > window.innerWidth"


def _world():
    for code, population in ((factories.SHIOJIRI, 66_000), (KAGA, 63_000)):
        Municipality.objects.filter(code=code).update(
            population=population, population_as_of="2024-01-01", population_source="デモ用概数"
        )
    shiojiri = factories.official(factories.SHIOJIRI)
    kaga = factories.official(KAGA)
    factories.support_request(author=kaga, title="公共交通のデマンド化", category="transport")
    case = cms.case_study(municipalities=(KAGA,))
    return shiojiri, kaga, case


def test_from_a_peer_on_the_municipality_page_to_a_direct_conversation(new_context, live_server):
    """The pages work without JavaScript (the live server speaks HTTP only; the socket path of
    the same channel kind is tested in tests/cocreation/test_direct.py)."""
    base = live_server.url
    shiojiri, kaga, _case = _world()
    page = new_context(java_script_enabled=False).new_page()
    login(page, base, shiojiri.email, factories.TEST_PASSWORD)
    page.goto(f"{base}/ja/municipalities/{factories.SHIOJIRI}/")
    peers = page.get_by_role("region", name="類似団体")
    kaga_link = peers.get_by_role("link", name="石川県加賀市")
    expect(kaga_link).to_be_visible()
    expect(peers.get_by_text("人口規模が近い").first).to_be_visible()
    expect(peers.get_by_role("link", name="公共交通のデマンド化")).to_be_visible()
    kaga_link.click()
    page.get_by_role("button", name="この自治体のCDOに相談する").click()
    expect(page).to_have_url(re.compile(r"/ja/channels/\d+/$"))
    expect(page.get_by_text("認証済み職員2名だけの非公開の相談です")).to_be_visible()
    channel_url = page.url
    page.locator("textarea[name=body]").fill("デマンド交通の導入について伺えますか")
    page.get_by_role("button", name="送信").click()
    expect(page.get_by_text("デマンド交通の導入について伺えますか")).to_have_count(1)

    other = new_context(java_script_enabled=False).new_page()
    login(other, base, kaga.email, factories.TEST_PASSWORD)
    other.goto(f"{base}/ja/notifications/")
    other.get_by_role("link", name=re.compile("個別相談")).first.click()
    expect(other).to_have_url(channel_url)
    expect(other.get_by_text("デマンド交通の導入について伺えますか")).to_have_count(1)
    other.get_by_role("link", name="この相談を辞退する").click()
    other.get_by_role("button", name="相談を辞退する").click()
    page.reload()
    expect(page.get_by_text("この相談は辞退されました")).to_be_visible()


def test_peer_pages_have_no_serious_axe_violations(new_context, live_server):
    base = live_server.url
    shiojiri, kaga, case = _world()
    from portal.community.services.direct import direct_conversation_open

    channel = direct_conversation_open(
        actor=shiojiri, municipality=kaga.official_profile.municipality
    )
    paths = [
        f"/municipalities/{factories.SHIOJIRI}/",
        f"/municipalities/{factories.SHIOJIRI}/profile/",
        "/requests/dashboard/",
        "/requests/new/",
        case.url.removeprefix("/ja"),
        f"/channels/{channel.pk}/",
    ]
    found = {}
    for width, languages in ((1280, ("ja", "en")), (390, ("ja",))):
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        login(page, base, shiojiri.email, factories.TEST_PASSWORD)
        for language in languages:
            for path in paths:
                response = page.goto(f"{base}/{language}{path}")
                assert response.status == 200, (language, path)
                violations = serious_axe_violations(page)
                if violations:
                    found[(width, language, path)] = violations
                if page.evaluate(WIDER_THAN_VIEWPORT):
                    found[(width, language, path)] = "scrolls sideways"
    kaga_page = new_context().new_page()
    login(kaga_page, base, kaga.email, factories.TEST_PASSWORD)
    kaga_page.goto(f"{base}/ja/channels/{channel.pk}/decline/")
    if violations := serious_axe_violations(kaga_page):
        found["decline"] = violations
    assert not found, "\n".join(f"{where}: {v}" for where, v in found.items())
