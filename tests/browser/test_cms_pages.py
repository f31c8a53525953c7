"""Every CMS page type passes axe (no serious or critical violations), read by a visitor and by a
signed-in user (the event page shows the registration form then)."""

import pytest
from django.test import Client

from tests import factories as base_factories
from tests.browser.conftest import serious_axe_violations
from tests.cms import factories

pytestmark = [pytest.mark.django_db(transaction=True)]


def _site():
    group = factories.group(title="ICT利活用ワーキンググループ", short_name="ICT利活用WG")
    group.members.create(name="加藤 修", affiliation="関東情報大学", role="chair")
    group.activities.create(title="優良事例の収集と横展開", description="全国から事例を集めます。")
    group.save_revision().publish()
    subsidy = factories.subsidy(title="デジタル田園都市国家構想交付金", closes_in=5)
    body = [
        {"type": "heading_block", "value": {"heading_text": "取組の背景", "size": "h2"}},
        {"type": "paragraph_block", "value": "<p>窓口の混雑を解消しました。</p>"},
        {
            "type": "key_figures_block",
            "value": {
                "heading": "主な成果",
                "figures": [{"label": "待ち時間", "value": "-40%", "note": ""}],
            },
        },
        {"type": "quote_block", "value": {"text": "便利になりました。", "attribution": "市民"}},
        {"type": "callout_block", "value": {"kind": "info", "text": "デモ用の事例です。"}},
    ]
    case = factories.case_study(
        title="「書かない窓口」と電子申請の一体導入",
        tags=["電子申請"],
        subsidy_used=subsidy,
        featured=True,
        body=body,
        partners=[base_factories.StartupFactory()],
    )
    case.kpis.create(label="待ち時間", value="4割減")
    case.save_revision().publish()
    return [
        factories.home(),
        factories.community(),
        group,
        factories.case_index(),
        case,
        factories.event_index(),
        factories.event(
            title="ICT利活用サミット2026", format="hybrid", online_url="https://meet.example.jp/x"
        ),
        factories.subsidy_index(),
        subsidy,
        factories.news_index(),
        factories.news(title="ポータルを公開しました", body=body),
        factories.report_index(),
        factories.report(title="活動報告書", body=body),
        factories.standard_page(title="このポータルについて", body=body),
        *_trust_pages(body),
    ]


def _trust_pages(body):
    from portal.cms.models import ContactPage, OperatorPage, PrivacyPolicyPage, TermsPage

    home = factories.home()
    pages = [
        TermsPage(title="利用規約", slug="terms", version="2026-04-01", body=body),
        PrivacyPolicyPage(title="プライバシーポリシー", slug="privacy", body=body),
        ContactPage(title="お問い合わせ", slug="contact", contact_email="contact@example.jp"),
        OperatorPage(title="運営者情報", slug="operator", body=body),
    ]
    return [factories.publish(home, page) for page in pages]


def _login(context, base_url, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_every_page_type_has_no_serious_axe_violations(new_context, live_server):
    pages = _site()
    visitor = new_context().new_page()
    official_context = new_context()
    _login(official_context, live_server.url, base_factories.official())
    official = official_context.new_page()
    problems = {}
    for cms_page in pages:
        for who, browser_page in (("visitor", visitor), ("official", official)):
            response = browser_page.goto(live_server.url + cms_page.url)
            assert response.status == 200, cms_page.url
            violations = serious_axe_violations(browser_page)
            if violations:
                problems[f"{who} {cms_page.url}"] = violations
    assert problems == {}


def test_listing_filters_and_event_registration_pages_pass_axe(new_context, live_server):
    from portal.accounts.services import terms_consent_record

    _site()
    official = base_factories.official()
    # The site has published terms: an official who has not accepted them is asked first.
    terms_consent_record(user=official, version="2026-04-01")
    context = new_context()
    _login(context, live_server.url, official)
    page = context.new_page()
    event = factories.event(title="現地視察", capacity=1)
    page.goto(live_server.url + event.url)
    page.locator(".registration button[type=submit]").click()
    page.wait_for_load_state()
    assert serious_axe_violations(page) == []
    page.goto(live_server.url + event.url + "cancel/")
    assert serious_axe_violations(page) == []
    page.goto(live_server.url + "/ja/cases/?category=nonsense&kind=city")
    assert serious_axe_violations(page) == []


def test_the_footer_reaches_the_bottom_of_the_window_on_a_short_page(new_context, live_server):
    """No band of page colour below the footer when the content is shorter than the window."""
    page = new_context(viewport={"width": 1280, "height": 1400}).new_page()
    page.goto(live_server.url + "/ja/accounts/login/")
    gap = page.evaluate(
        "window.innerHeight - document.querySelector('.site-footer').getBoundingClientRect().bottom"
    )
    assert abs(gap) < 1
