import pytest

from tests.factories import support_request

pytestmark = pytest.mark.django_db


def test_home_lists_open_requests_the_reader_may_see(client, official):
    support_request(title="公開中の支援依頼 防災アプリ")
    support_request(title="会員限定の支援依頼", visibility="members")
    support_request(title="下書きの支援依頼", state="draft")
    support_request(title="完了した支援依頼", state="completed")
    html = client.get("/ja/").content.decode()
    assert "公開中の支援依頼 防災アプリ" in html
    assert "会員限定の支援依頼" not in html
    assert "下書きの支援依頼" not in html and "完了した支援依頼" not in html
    client.force_login(official, backend="django.contrib.auth.backends.ModelBackend")
    assert "会員限定の支援依頼" in client.get("/ja/").content.decode()
