"""Direct conversations between verified officials (「この自治体のCDOに相談する」): who may open
one, nobody else joins or reads it over the socket, decline, reuse."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.cocreation import errors as E
from portal.cocreation import services
from portal.cocreation.consumers import CLOSE_FORBIDDEN
from portal.cocreation.models import Channel, ChannelKind, MemberRole, Membership, MembershipState
from portal.community.services.direct import direct_conversation_open
from portal.notifications.models import Notification
from tests import factories

KAGA = "172065"


@pytest.fixture
def users(member, pending_official, official, other_official, startup_user, moderator):
    return {
        "visitor": None,
        "member": member,
        "pending_official": pending_official,
        "official": official,
        "other_official": other_official,
        "startup_member": startup_user,
        "moderator": moderator,
    }


@pytest.fixture
def kaga_cdo(db):
    return factories.official(KAGA)


def open_direct(actor, code=KAGA):
    return direct_conversation_open(actor=actor, municipality=factories.municipality(code))


# --- Who may open one ---------------------------------------------------------------------


@pytest.mark.django_db
def test_official_opens_a_private_two_person_channel_and_the_other_side_is_told(
    other_official, kaga_cdo
):
    channel = open_direct(other_official)
    assert channel.kind == ChannelKind.DIRECT and channel.privacy == "private"
    members = set(Membership.objects.filter(channel=channel).values_list("user_id", flat=True))
    assert members == {other_official.pk, kaga_cdo.pk}
    note = Notification.objects.get(recipient=kaga_cdo)
    assert note.kind == "direct_conversation_requested"
    assert not Notification.objects.filter(recipient=other_official).exists()


@pytest.mark.django_db
def test_opening_again_reuses_the_channel_from_either_side(other_official, kaga_cdo):
    first = open_direct(other_official)
    assert open_direct(other_official) == first
    assert open_direct(kaga_cdo, factories.SHIOJIRI) == first
    assert Channel.objects.filter(kind=ChannelKind.DIRECT).count() == 1
    assert Notification.objects.filter(recipient=kaga_cdo).count() == 1


@pytest.mark.django_db
def test_the_cdo_is_chosen_before_other_officials(other_official):
    from portal.community.models import OfficialTitle

    factories.official(KAGA, title=OfficialTitle.STAFF)
    cdo = factories.official(KAGA, title=OfficialTitle.CDO)
    channel = open_direct(other_official)
    assert channel.memberships.filter(user=cdo).exists()


@pytest.mark.parametrize("role", ["member", "pending_official", "startup_member", "moderator"])
@pytest.mark.django_db
def test_only_verified_officials_may_open_one(users, kaga_cdo, role):
    with pytest.raises(PermissionDenied):
        open_direct(users[role])
    assert not Channel.objects.filter(kind=ChannelKind.DIRECT).exists()


@pytest.mark.django_db
def test_startup_cannot_open_one_to_an_official_even_through_the_channel_service(
    startup_user, official
):
    with pytest.raises(PermissionDenied):
        services.channel_open_direct(initiator=startup_user, recipient=official, name="x")
    with pytest.raises(PermissionDenied):
        services.channel_open_direct(initiator=official, recipient=startup_user, name="x")


@pytest.mark.django_db
def test_own_municipality_and_a_municipality_without_officials_are_explained(official):
    with pytest.raises(ValidationError):
        open_direct(official, factories.MAEBASHI)
    with pytest.raises(ValidationError):
        open_direct(official, factories.YOKOHAMA)


# --- Nobody else --------------------------------------------------------------------------


@pytest.mark.django_db
def test_nobody_can_be_added_or_join(other_official, kaga_cdo, official, moderator):
    channel = open_direct(other_official)
    for actor in (other_official, moderator):
        with pytest.raises(PermissionDenied):
            services.membership_add(channel=channel, user=official, actor=actor)
    for user in (official, moderator):
        with pytest.raises(PermissionDenied):
            services.channel_join(channel=channel, user=user)
    assert channel.memberships.count() == 2


@pytest.mark.parametrize(
    ("role", "status"),
    [("official", 404), ("startup_member", 404), ("member", 302), ("visitor", 302)],
)
@pytest.mark.django_db
def test_third_parties_cannot_see_the_pages(client, users, other_official, kaga_cdo, role, status):
    channel = open_direct(other_official)
    if users[role]:
        client.force_login(users[role])
    for name in ("channel_detail", "channel_search"):
        assert client.get(reverse(f"cocreation:{name}", args=[channel.pk])).status_code == status
    export = reverse("cocreation:channel_export", args=[channel.pk, "csv"])
    assert client.get(export).status_code == status


@pytest.mark.django_db
def test_both_people_read_write_and_export(client, other_official, kaga_cdo):
    channel = open_direct(other_official)
    services.message_post(
        channel_id=channel.pk, author=kaga_cdo, body="ご相談ください", client_id="kaga-0001"
    )
    client.force_login(other_official)
    assert "ご相談ください" in client.get(channel.get_absolute_url()).content.decode()
    export = client.get(reverse("cocreation:channel_export", args=[channel.pk, "txt"]))
    assert export.status_code == 200 and "ご相談ください" in b"".join(export).decode()


# --- Decline ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_one_asked_declines_and_the_asker_keeps_a_read_only_transcript(
    client, other_official, kaga_cdo
):
    channel = open_direct(other_official)
    client.force_login(kaga_cdo)
    response = client.post(reverse("cocreation:channel_decline", args=[channel.pk]))
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.is_declined
    mine = channel.memberships.get(user=kaga_cdo)
    theirs = channel.memberships.get(user=other_official)
    assert mine.state == MembershipState.LEFT
    assert theirs.role == MemberRole.READER and theirs.is_active
    assert Notification.objects.get(recipient=other_official).kind == "direct_conversation_declined"
    from portal.cocreation.errors import ChannelError

    with pytest.raises(ChannelError):
        services.message_post(
            channel_id=channel.pk, author=other_official, body="まだ", client_id="shio-0001"
        )


@pytest.mark.django_db
def test_the_asker_cannot_decline_and_asking_again_does_not_reopen(other_official, kaga_cdo):
    channel = open_direct(other_official)
    with pytest.raises(PermissionDenied):
        services.channel_decline_direct(channel=channel, user=other_official)
    services.channel_decline_direct(channel=channel, user=kaga_cdo)
    assert open_direct(other_official) == channel
    channel.refresh_from_db()
    assert channel.is_declined
    assert Notification.objects.filter(recipient=kaga_cdo).count() == 1


@pytest.mark.django_db
def test_the_one_who_declined_can_reopen_it(other_official, kaga_cdo):
    channel = open_direct(other_official)
    services.channel_decline_direct(channel=channel, user=kaga_cdo)
    assert open_direct(kaga_cdo, factories.SHIOJIRI) == channel
    channel.refresh_from_db()
    assert not channel.is_declined
    assert all(m.is_active and m.role == MemberRole.MEMBER for m in channel.memberships.all())


@pytest.mark.django_db
def test_consult_button_view_matrix(client, users, kaga_cdo):
    url = reverse("community:municipality_consult", args=[KAGA])
    expected = {
        "visitor": 302,
        "member": 302,
        "pending_official": 403,
        "startup_member": 403,
        "moderator": 403,
    }
    for role, status in expected.items():
        client.logout()
        if users[role]:
            client.force_login(users[role])
        assert client.post(url).status_code == status, role
    assert not Channel.objects.filter(kind=ChannelKind.DIRECT).exists()
    client.force_login(users["other_official"])
    response = client.post(url)
    channel = Channel.objects.get(kind=ChannelKind.DIRECT)
    assert response.status_code == 302 and response["Location"] == channel.get_absolute_url()
    assert client.get(url).status_code == 405  # no state change on GET


# --- Over the WebSocket -------------------------------------------------------------------


@pytest.fixture
def direct_channel(db, other_official, kaga_cdo):
    return open_direct(other_official)


@pytest.fixture(params=["official", "startup_user", "moderator", "pending_official"])
def third_party(request):
    return request.getfixturevalue(request.param)


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_third_parties_are_refused_on_the_socket(direct_channel, third_party, sockets):
    socket = await sockets(third_party, direct_channel.pk)
    assert await socket.refused() == (E.FORBIDDEN, CLOSE_FORBIDDEN, None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_message_reaches_the_other_official_once_and_decline_closes_the_socket(
    direct_channel, other_official, kaga_cdo, sockets
):
    from asgiref.sync import sync_to_async

    asker = await sockets(other_official, direct_channel.pk)
    asked = await sockets(kaga_cdo, direct_channel.pk)
    assert asker.connected and asked.connected
    await asker.send({"type": "message.send", "client_id": "shio-0001", "body": "はじめまして"})
    await asker.send({"type": "message.send", "client_id": "shio-0001", "body": "はじめまして"})
    frame = await asked.next("message")
    assert frame["body"] == "はじめまして" and frame["seq"] == 1
    assert await asked.nothing_more()
    await sync_to_async(services.channel_decline_direct)(channel=direct_channel, user=kaga_cdo)
    assert await asked.closed_with() == CLOSE_FORBIDDEN
    await asker.send({"type": "message.send", "client_id": "shio-0002", "body": "まだ"})
    error = await asker.next("error", skip=("presence", "typing", "ack", "message"))
    assert error["code"] == "read_only"
