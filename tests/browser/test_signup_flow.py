import re

import pytest
from django.core import mail

from portal.community.models import OfficialProfile, VerificationState
from tests.browser.conftest import serious_axe_violations

pytestmark = [pytest.mark.django_db(transaction=True)]


def _confirmation_path(body: str) -> str:
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_official_signs_up_verifies_and_onboards_in_japanese(page, live_server):
    base = live_server.url
    page.goto(f"{base}/ja/")
    page.get_by_role("link", name="新規登録").first.click()
    page.get_by_label("メールアドレス").fill("sakura@city.maebashi.lg.jp")
    page.get_by_label("表示名").fill("前橋 さくら")
    page.locator("input[name=password1]").fill("kirin-tonbo-2026!")
    page.locator("input[name=password2]").fill("kirin-tonbo-2026!")
    page.get_by_role("button", name="ユーザー登録").click()
    page.wait_for_url("**/accounts/confirm-email/")

    page.goto(base + _confirmation_path(mail.outbox[-1].body))
    page.get_by_role("button", name="確認").click()
    page.wait_for_url("**/ja/onboarding/")

    page.get_by_label("自治体職員 (CDO/CIO など)").check()
    page.get_by_role("button", name="次へ").click()
    page.wait_for_url("**/ja/onboarding/official/")

    page.get_by_label("都道府県").select_option(label="群馬県")
    page.get_by_label("団体名で絞り込む").fill("まえばし")
    # The list narrows as you type (JavaScript), without a page load.
    municipality = page.locator("#id_municipality")
    page.wait_for_function(
        "() => document.querySelectorAll('#id_municipality option').length === 2"
    )
    municipality.select_option(label="群馬県前橋市")
    page.get_by_label("所属部署").fill("未来創造部 デジタル推進課")
    page.get_by_label("役職区分").select_option(label="CDO（最高デジタル責任者）")
    page.get_by_role("button", name="確認を申請する").click()
    page.wait_for_url("**/ja/onboarding/")

    assert page.get_by_test_id("verification-pending").first.inner_text() == "確認待ち"
    profile = OfficialProfile.objects.get(user__email="sakura@city.maebashi.lg.jp")
    assert profile.municipality_id == "102016"
    assert profile.verification_state == VerificationState.PENDING


def test_startup_founder_signs_up_and_creates_startup(page, live_server):
    base = live_server.url
    page.goto(f"{base}/ja/accounts/signup/")
    page.get_by_label("メールアドレス").fill("founder@hikari.example.com")
    page.get_by_label("表示名").fill("光 太郎")
    page.locator("input[name=password1]").fill("kirin-tonbo-2026!")
    page.locator("input[name=password2]").fill("kirin-tonbo-2026!")
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
    assert "株式会社ひかりDX" in page.content()
    assert page.get_by_test_id("verification-pending").first.is_visible()


@pytest.mark.parametrize(
    "path",
    ["/ja/", "/en/", "/ja/accounts/login/", "/ja/accounts/signup/", "/ja/municipalities/131016/"],
)
def test_public_pages_have_no_serious_accessibility_violations(page, live_server, path):
    page.goto(live_server.url + path)
    assert serious_axe_violations(page) == []


def test_onboarding_pages_have_no_serious_accessibility_violations(page, live_server):
    from tests.factories import TEST_PASSWORD, UserFactory

    user = UserFactory()
    from tests.browser.conftest import login

    login(page, live_server.url, user.email, TEST_PASSWORD)
    for path in ["/ja/onboarding/", "/ja/onboarding/official/", "/ja/onboarding/startup/"]:
        page.goto(live_server.url + path)
        assert serious_axe_violations(page) == [], path


def test_narrow_screen_menu_toggles(new_context, live_server):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(live_server.url + "/ja/")
    toggle = page.get_by_role("button", name="メニュー")
    assert toggle.is_visible()
    nav_login = page.locator("#site-nav").get_by_role("link", name="ログイン")
    assert not nav_login.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav_login.is_visible()
