"""Hidden content is invisible to every other role on every page, search, feed and export, and
still visible to its author side and to moderators."""

import pytest

from portal.cocreation import services as chat
from portal.moderation import services
from portal.search import index
from tests import factories
from tests.moderation.conftest import make_channel

pytestmark = pytest.mark.django_db

ALL_ROLES = [
    "visitor",
    "member",
    "official",
    "other_official",
    "startup_user",
    "other_startup_user",
    "moderator",
]
TITLE = "鳥獣被害の通報アプリ"
STARTUP_NAME = "株式会社かくれんぼテック"
SECRET = "ここだけの連絡先 090-0000-0000"


@pytest.fixture
def hidden_request(official, moderator):
    support_request = factories.support_request(author=official, title=TITLE)
    services.content_hide(target=support_request, moderator=moderator, reason="重複投稿")
    return support_request


def request_pages(support_request):
    return [
        "/ja/requests/",
        "/ja/requests/?q=鳥獣被害",
        "/ja/municipalities/102016/",
        "/ja/requests/feed/",
        "/ja/search/?q=鳥獣被害",
        "/ja/search/?q=鳥獣被害&type=requests",
        "/ja/",
    ]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_hidden_request_is_only_for_its_municipality_and_moderators(
    role, as_role, hidden_request
):
    client = as_role(role)
    may_see = role in {"official", "moderator"}
    detail = client.get(hidden_request.get_absolute_url())
    assert detail.status_code == (200 if may_see else 404)
    for url in request_pages(hidden_request):
        if url == "/ja/requests/feed/" and may_see:
            continue  # the feed is public: nobody's hidden request is in it
        content = client.get(url).content.decode()
        # Search results highlight the query words: look for the link to the request.
        assert (f"/ja/requests/{hidden_request.pk}/" in content) == may_see, url
    assert TITLE not in client.get("/ja/requests/feed/").content.decode()


def test_a_joined_officials_dashboard_does_not_list_a_hidden_request(
    client_for, other_official, official, moderator
):
    from portal.community.models import JoinState, SupportRequestJoin

    support_request = factories.support_request(author=official, title=TITLE)
    SupportRequestJoin.objects.create(
        support_request=support_request,
        municipality=other_official.official_profile.municipality,
        state=JoinState.PENDING,
    )
    client = client_for(other_official)
    assert TITLE in client.get("/ja/requests/dashboard/").content.decode()
    services.content_hide(target=support_request, moderator=moderator, reason="重複投稿")
    assert TITLE not in client.get("/ja/requests/dashboard/").content.decode()


@pytest.fixture
def hidden_startup(startup_user, moderator):
    startup = startup_user.startup_membership.startup
    startup.name = STARTUP_NAME
    startup.summary = "かくれんぼ"
    startup.save()
    index.index_object(startup)  # as the profile services do after an edit
    services.content_hide(target=startup, moderator=moderator, reason="虚偽の実績記載")
    return startup


@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_hidden_startup_is_only_for_its_members_and_moderators(role, as_role, hidden_startup):
    client = as_role(role)
    may_see = role in {"startup_user", "moderator"}
    assert client.get(hidden_startup.get_absolute_url()).status_code == (200 if may_see else 404)
    for url in ["/ja/startups/", "/ja/startups/?q=かくれんぼ", "/ja/search/?q=かくれんぼ"]:
        content = client.get(url).content.decode()
        assert (hidden_startup.get_absolute_url() in content) == may_see, url


def test_the_startup_member_reads_the_reason(client_for, startup_user, hidden_startup):
    page = client_for(startup_user).get(hidden_startup.get_absolute_url()).content.decode()
    assert 'data-testid="hidden-notice"' in page and "虚偽の実績記載" in page


@pytest.fixture
def chat_room(official, startup_user, other_startup_user, moderator):
    channel = make_channel(owner=official, members=[startup_user, other_startup_user])
    before, _ = chat.message_post(
        channel_id=channel.pk, author=official, body="よろしくお願いします", client_id="hidden-0001"
    )
    secret, _ = chat.message_post(
        channel_id=channel.pk, author=startup_user, body=SECRET, client_id="hidden-0002"
    )
    services.content_hide(target=secret, moderator=moderator, reason="個人情報のため")
    return channel, secret


CHANNEL_ROLES = ["official", "startup_user", "other_startup_user", "moderator"]


@pytest.mark.parametrize("role", CHANNEL_ROLES)
def test_a_hidden_message_is_a_placeholder_on_every_page_and_export(role, as_role, chat_room):
    channel, secret = chat_room
    client = as_role(role)
    may_read = role in {"startup_user", "moderator"}
    base = f"/ja/channels/{channel.pk}/"
    pages = {
        "detail": base,
        "around": f"{base}?around={secret.seq}",
        "history": f"{base}history/?before={secret.seq + 1}",
        "search": f"{base}search/?q=連絡先",
    }
    if role != "moderator":  # exports are for members; the moderator is not one here
        pages |= {"csv": f"{base}export.csv", "txt": f"{base}export.txt"}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        content = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert (SECRET in content) == may_read, name
        if not may_read and name in {"detail", "around", "history"}:
            assert 'data-testid="hidden-placeholder"' in content, name
        if not may_read and name in {"csv", "txt"}:
            assert "モデレーターがこのメッセージを非表示" in content or "moderator hid" in content
    if role == "startup_user":
        page = client.get(base).content.decode()
        assert 'data-testid="hidden-notice"' in page and "個人情報のため" in page
