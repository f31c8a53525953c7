"""One-click unsubscribe: works without login, cannot be forged, and RFC 8058 headers."""

import re

import pytest
from django.core import mail, signing
from django.test import Client

from portal.notifications import services, tokens
from portal.notifications.kinds import EmailMode
from portal.notifications.views import INVALID_UNSUBSCRIBE_LINK
from tests import factories

pytestmark = pytest.mark.django_db

REQUEST = {"request_title": "窓口予約のオンライン化", "url": "/ja/requests/7/"}


def link_path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def header_link(message) -> str:
    return link_path(message.extra_headers["List-Unsubscribe"].strip("<>"))


def modes(user):
    return dict(user.email_preferences.values_list("kind", "mode"))


@pytest.fixture
def person():
    return factories.OnboardedUserFactory()


def test_every_email_carries_one_click_unsubscribe_headers(notify_now, person):
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    [message] = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://127.0.0.1:8000/ja/notifications/unsubscribe/")
    assert url in message.body
    assert url in message.alternatives[0][0]


def test_get_asks_for_confirmation_and_changes_nothing(notify_now, person):
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    response = Client().get(header_link(mail.outbox[0]))
    assert response.status_code == 200
    assert response.context["state"] == "confirm"
    assert f"{person.email[0]}•••@example.com" in response.content.decode()
    assert modes(person) == {}


def test_one_click_post_without_login_or_csrf_token_unsubscribes_that_kind(notify_now, person):
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        header_link(mail.outbox[0]),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert modes(person) == {"proposal_selected": EmailMode.OFF}
    mail.outbox.clear()
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    notify_now(kind="proposal_declined", recipients=[person], context=REQUEST)
    # Only the kind that was not unsubscribed is emailed (in the person's language, Japanese).
    [message] = mail.outbox
    assert message.subject == "「窓口予約のオンライン化」への提案は採択されませんでした"


def test_unsubscribing_twice_is_harmless(notify_now, person):
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    path = header_link(mail.outbox[0])
    assert Client().post(path).status_code == 200
    assert Client().post(path).status_code == 200
    assert modes(person) == {"proposal_selected": EmailMode.OFF}


def test_the_digest_link_turns_off_every_digest_kind(notify_now, person):
    services.email_preferences_update(
        user=person,
        modes={"proposal_selected": EmailMode.DIGEST, "channel_mention": EmailMode.IMMEDIATE},
    )
    notify_now(kind="proposal_selected", recipients=[person], context=REQUEST)
    from portal.notifications.tasks import digests_enqueue

    digests_enqueue()
    [digest] = mail.outbox
    Client().post(header_link(digest))
    result = modes(person)
    assert result["proposal_selected"] == result["request_alert_match"] == EmailMode.OFF
    assert result["channel_mention"] == EmailMode.IMMEDIATE


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token.split(":")[0] + ":forged:signature",
        lambda token: "not-a-token",
        lambda token: signing.dumps({"u": 1, "s": "proposal_selected"}, salt="another-salt"),
        lambda token: signing.dumps({"u": 1, "s": "proposal_selected"}, key="guessed-secret"),
    ],
)
def test_a_tampered_or_forged_link_is_refused(person, tamper):
    token = tokens.unsubscribe_token(user=person, scope="proposal_selected")
    response = Client().post(f"/ja/notifications/unsubscribe/{tamper(token)}/")
    assert response.status_code == 400
    assert str(INVALID_UNSUBSCRIBE_LINK) in response.content.decode()
    assert modes(person) == {}


def test_a_token_cannot_be_rewritten_to_another_user(person):
    victim = factories.OnboardedUserFactory()
    token = tokens.unsubscribe_token(user=person, scope="proposal_selected")
    payload, rest = token.split(":", 1)
    forged_payload = signing.b64_encode(
        f'{{"u":{victim.pk},"s":"proposal_selected"}}'.encode()
    ).decode()
    response = Client().post(f"/ja/notifications/unsubscribe/{forged_payload}:{rest}/")
    assert response.status_code == 400
    assert modes(victim) == {}


def test_a_token_only_affects_the_user_it_names(person):
    other = factories.OnboardedUserFactory()
    Client().post(link_path(tokens.unsubscribe_url(user=person, scope="channel_unread")))
    assert modes(person) == {"channel_unread": EmailMode.OFF}
    assert modes(other) == {}


def test_a_token_for_a_deleted_user_is_refused(person):
    path = link_path(tokens.unsubscribe_url(user=person, scope="channel_unread"))
    person.delete()
    assert Client().post(path).status_code == 400


def test_unsubscribe_page_is_in_the_users_language(person):
    person.preferred_language = "en"
    person.save()
    url = tokens.unsubscribe_url(user=person, scope="channel_unread")
    assert "/en/notifications/unsubscribe/" in url
