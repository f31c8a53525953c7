"""The pages built for proposals, matching, alerts, reports and the header's "More" menu pass axe
(no serious or critical violations) for the role that uses them, in Japanese and English at
desktop width and in Japanese on a phone. One logged-in context per role and width keeps the run
short; every violation is collected so that one run lists them all."""

import pytest
from django.core.files.base import ContentFile

from portal.cocreation import services as cocreation
from portal.cocreation.models import Channel, ChannelKind, MemberRole, Membership, Privacy
from portal.community.models import Prefecture
from portal.startups import alerts
from tests import factories
from tests.browser.conftest import login, serious_axe_violations
from tests.startups.proposal_world import make_proposal
from tests.uploads import pdf_upload, png_bytes, upload

pytestmark = [pytest.mark.django_db(transaction=True)]

# (width, languages): both languages on a desktop, Japanese on a phone.
VIEWPORTS = [(1280, ("ja", "en")), (390, ("ja",))]

WIDER_THAN_VIEWPORT = "document.documentElement.scrollWidth > window.innerWidth"


def _world():
    official = factories.official(factories.MAEBASHI)
    user = factories.startup_member()
    startup = user.startup_memberships.get().startup
    startup.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    submitted_on = factories.support_request(author=official, title="窓口のオンライン申請拡充")
    drafted_on = factories.support_request(author=official, title="防災情報の多言語配信")
    open_request = factories.support_request(author=official, title="図書館の予約システム刷新")
    submitted = make_proposal(submitted_on, user)
    draft = make_proposal(drafted_on, user, submit=False)
    alert = alerts.alert_create(
        startup=startup,
        actor=user,
        name="群馬県の窓口DX",
        categories=["online_procedures"],
        prefectures=list(Prefecture.objects.filter(name="群馬県")),
        keywords="窓口",
    )
    channel = Channel.objects.create(
        kind=ChannelKind.SUPPORT_REQUEST,
        privacy=Privacy.PRIVATE,
        name="前橋市 窓口DX 共創チャンネル",
        owner=official,
    )
    Membership.objects.create(channel=channel, user=official, role=MemberRole.OWNER)
    Membership.objects.create(channel=channel, user=user, role=MemberRole.MEMBER)
    cocreation.message_post(
        channel_id=channel.pk,
        author=official,
        body="打合せ資料と画面案です。",
        client_id="0" * 32,
        uploads=[pdf_upload(), upload("画面案.png", png_bytes(), "image/png")],
    )
    startup_paths = [
        f"/channels/{channel.pk}/",
        "/proposals/",
        f"/proposals/requests/{open_request.pk}/new/",
        f"/proposals/{submitted.pk}/",
        f"/proposals/{draft.pk}/edit/",
        f"/proposals/{submitted.pk}/withdraw/",
        f"/startups/{startup.slug}/recommended/",
        f"/startups/{startup.slug}/alerts/",
        f"/startups/{startup.slug}/alerts/new/",
        f"/startups/{startup.slug}/alerts/{alert.pk}/edit/",
        f"/startups/{startup.slug}/alerts/{alert.pk}/delete/",
        f"/startups/{startup.slug}/edit/",
        f"/report/support_request/{submitted_on.pk}/",
        "/notifications/",
    ]
    official_paths = [
        "/proposals/review/",
        f"/proposals/requests/{submitted_on.pk}/compare/",
        f"/proposals/{submitted.pk}/",
        f"/proposals/{submitted.pk}/decide/shortlist/",
        f"/proposals/{submitted.pk}/decide/select/",
        f"/proposals/{submitted.pk}/decide/decline/",
        f"/report/proposal/{submitted.pk}/",
        f"/report/startup/{startup.pk}/",
    ]
    return [(user, startup_paths), (official, official_paths)]


def _check(page, label, found):
    violations = serious_axe_violations(page)
    if violations:
        found[label] = violations


def test_new_pages_have_no_serious_axe_violations(new_context, live_server):
    base = live_server.url
    found = {}
    for user, paths in _world():
        for width, languages in VIEWPORTS:
            page = new_context(viewport={"width": width, "height": 900}).new_page()
            login(page, base, user.email, factories.TEST_PASSWORD)
            for language in languages:
                for path in paths:
                    response = page.goto(f"{base}/{language}{path}")
                    assert response.status == 200, (language, path)
                    _check(page, (user.email, width, language, path), found)
                    if page.evaluate(WIDER_THAN_VIEWPORT):
                        found[(user.email, width, language, path)] = "scrolls sideways"
                # The header's "More" menu (behind the menu button on a phone).
                page.goto(f"{base}/{language}/")
                toggle = page.locator("button.nav-toggle")
                if toggle.count() and toggle.first.is_visible():
                    toggle.first.focus()
                    page.keyboard.press("Enter")
                # Opened from the keyboard; its links are then reachable.
                page.locator("[data-nav-more] > summary").first.focus()
                page.keyboard.press("Enter")
                page.locator("[data-nav-more] .menu__list a").first.wait_for(state="visible")
                _check(page, (user.email, width, language, "More menu"), found)
    assert not found, "\n".join(f"{where}: {violations}" for where, violations in found.items())
