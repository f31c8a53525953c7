"""A moderator writes a case study in the Wagtail admin, submits it to moderation, and another
moderator approves it with a comment; the case is then live on the public site.

Then a verified official of another town adopts the published case into a draft request
(「この事例を導入したい」): the loop of 横展開.
"""

import pytest
from django.test import Client

from portal.cms.locales import originals
from portal.cms.models import CaseStudyPage
from portal.community.models import SupportRequest
from tests import factories as base_factories
from tests.cms import factories

pytestmark = [pytest.mark.django_db(transaction=True)]

TITLE = "LPWA水位センサーで水田の見回りを半減"


def _login(context, base_url, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def _open_action_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def _write_case(page):
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("水田の水位を遠隔監視し、見回りの負担を減らした事例です。")
    page.locator("#id_category").select_option("smart_agriculture")
    page.locator("#id_crop_or_industry").fill("水稲")
    page.locator("#id_challenge").fill("広く点在するほ場の見回りに時間がかかっていた。")
    page.locator("#id_solution").fill("LPWAの水位センサーを導入した。")
    page.locator("#id_results").fill("見回りの回数が半分になった。")
    # The municipality comes from the municipality chooser: search by name, pick it.
    page.locator(
        "#id_case_municipalities-0-municipality-chooser [data-chooser-action-choose]"
    ).first.click()
    modal = page.locator(".modal-content").first
    modal.locator("input[name=q]").fill("新潟")
    modal.get_by_role("link", name="新潟県新潟市").click()
    page.wait_for_function(
        "() => document.querySelector('#id_case_municipalities-0-municipality').value === '151009'"
    )


def _approve_with_comment(page, comment):
    _open_action_menu(page)
    page.locator("[data-workflow-action-name='approve'][data-workflow-action-modal-url]").click()
    dialog = page.locator(".modal-content form").first
    dialog.locator("textarea[name=comment]").fill(comment)
    dialog.locator("button[type=submit]").click()
    # The modal posts in the background, then reloads the editor with a success message.
    page.locator(".messages .success").wait_for()


def test_moderator_writes_and_publishes_a_case_study_through_the_workflow(new_context, live_server):
    base = live_server.url
    index = factories.case_index()
    writer = factories.with_totp(base_factories.moderator(display_name="山本 直子"))
    approver = factories.with_totp(base_factories.moderator(display_name="中村 悠"))

    context = new_context()
    _login(context, base, writer)
    page = context.new_page()
    page.goto(f"{base}/admin/pages/add/cms/casestudypage/{index.pk}/")
    try:
        _write_case(page)
        _open_action_menu(page)
        page.locator("button[name='action-submit']").click()
        page.wait_for_url(f"**/admin/pages/{index.pk}/")
    except Exception:
        page.screenshot(path="/tmp/issue6_admin_fail.png", full_page=True)
        raise
    case = originals(CaseStudyPage.objects).get(title=TITLE)
    assert not case.live
    assert [m.code for m in case.municipalities] == ["151009"]

    context = new_context()
    _login(context, base, approver)
    page = context.new_page()
    page.goto(f"{base}/admin/pages/{case.pk}/edit/")
    try:
        _approve_with_comment(page, "内容を確認しました。公開します。")
    except Exception:
        page.screenshot(path="/tmp/issue6_admin_fail.png", full_page=True)
        raise

    case.refresh_from_db()
    assert case.live
    public = new_context().new_page()
    response = public.goto(base + case.url)
    assert response.status == 200
    assert public.locator("h1").inner_text() == TITLE
    assert "新潟県新潟市" in public.locator(".case-study .eyebrow").inner_text()

    official = base_factories.official(base_factories.SHIOJIRI)
    context = new_context()
    _login(context, base, official)
    page = context.new_page()
    page.goto(base + case.url)
    page.get_by_role("link", name="この事例を導入したい").click()
    page.get_by_role("button", name="下書きを作成する").click()
    page.wait_for_url("**/requests/*/edit/")
    assert TITLE in page.locator("#id_title").input_value()
    draft = SupportRequest.objects.get(linked_case_studies=case)
    assert draft.state == "draft" and draft.municipality_id == base_factories.SHIOJIRI
