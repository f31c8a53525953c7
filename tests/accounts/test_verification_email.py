import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_verification_email_greets_with_the_portal_name_not_the_host(client):
    client.post(
        "/ja/accounts/signup/",
        {
            "email": "hanako@city.maebashi.lg.jp",
            "display_name": "前橋 花子",
            "preferred_language": "ja",
            "password1": "kirin-tonbo-2026!",
            "password2": "kirin-tonbo-2026!",
        },
        HTTP_HOST="127.0.0.1:51525",
    )
    body = mail.outbox[-1].body
    first_line = body.strip().splitlines()[0]
    assert "地域DX共創ポータル" in first_line
    assert "127.0.0.1" not in first_line
