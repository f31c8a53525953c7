"""Attaching a file on the proposal edit page must not silently drop unsaved edits."""

import io

import pytest
from PIL import Image

from portal.startups.models import ProposalAttachment
from tests import factories
from tests.browser.conftest import login
from tests.startups.proposal_world import make_proposal

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_attaching_with_unsaved_changes_asks_to_save_first(new_context, live_server, tmp_path):
    base = live_server.url
    official = factories.official(factories.MAEBASHI)
    support_request = factories.support_request(author=official, title="窓口のオンライン申請拡充")
    user = factories.startup_member()
    proposal = make_proposal(support_request, user)
    upload = tmp_path / "plan.png"
    upload.write_bytes(_png())

    page = new_context().new_page()
    login(page, base, user.email, factories.TEST_PASSWORD)
    page.goto(f"{base}/ja/proposals/{proposal.pk}/edit/")
    page.locator("textarea[name=summary]").fill("まだ保存していない新しい概要")
    page.locator("input[name=file]").set_input_files(str(upload))
    page.get_by_role("button", name="ファイルを添付する").click()
    warning = page.get_by_role("alert")
    assert "先に変更を保存してから" in warning.inner_text()
    assert page.locator("textarea[name=summary]").input_value() == "まだ保存していない新しい概要"
    assert not ProposalAttachment.objects.filter(proposal=proposal).exists()

    # Once saved, the same upload goes through.
    page.get_by_role("button", name="変更を保存").click()
    page.wait_for_url(f"**/ja/proposals/{proposal.pk}/")
    page.goto(f"{base}/ja/proposals/{proposal.pk}/edit/")
    page.locator("input[name=file]").set_input_files(str(upload))
    page.get_by_role("button", name="ファイルを添付する").click()
    page.wait_for_load_state()
    assert ProposalAttachment.objects.filter(proposal=proposal).count() == 1


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (10, 80, 160)).save(buffer, "PNG")
    return buffer.getvalue()
