import pytest
from django.urls import reverse

from portal.startups.models import MemberRole, StartupCategory, TrackRecord, TrackRecordState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def startup():
    return factories.StartupFactory(name="株式会社ミライ行政テック", slug="mirai")


@pytest.fixture
def roles(startup, member, official, other_official, moderator, other_startup_user):
    return {
        "visitor": None,
        "member": member,
        "official": official,
        "other_official": other_official,
        "owner": factories.startup_member(startup, MemberRole.OWNER),
        "admin": factories.startup_member(startup, MemberRole.ADMIN),
        "team_member": factories.startup_member(startup, MemberRole.MEMBER),
        "other_startup": other_startup_user,
        "moderator": moderator,
    }


ALL = [
    "visitor",
    "member",
    "official",
    "other_official",
    "owner",
    "admin",
    "team_member",
    "other_startup",
    "moderator",
]
# url name → roles that get 200 (others: visitor → login redirect, signed-in → 403)
GET_MATRIX = {
    "startups:directory": set(ALL),
    "startups:detail": set(ALL),
    "startups:edit": {"owner", "admin", "moderator"},
    "startups:members": {"owner", "admin", "team_member"},
    "startups:track_records": {"owner", "admin", "moderator"},
    "startups:track_record_new": {"owner", "admin", "moderator"},
}


@pytest.mark.parametrize("name", GET_MATRIX)
@pytest.mark.parametrize("role", ALL)
def test_get_matrix(client, roles, name, role):
    if roles[role]:
        client.force_login(roles[role], backend="django.contrib.auth.backends.ModelBackend")
    args = [] if name == "startups:directory" else ["mirai"]
    response = client.get(reverse(name, args=args))
    if role in GET_MATRIX[name]:
        assert response.status_code == 200
    elif role == "visitor":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ALL)
def test_only_owners_and_admins_can_invite(client, roles, role, startup):
    if roles[role]:
        client.force_login(roles[role], backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("startups:member_invite", args=["mirai"]),
        {"email": "x@example.com", "role": "member"},
    )
    invited = startup.invitations.exists()
    assert invited == (role in {"owner", "admin"})
    if role not in {"owner", "admin", "visitor", "moderator"}:
        assert response.status_code == 403


def test_remove_asks_for_confirmation_then_removes(client_for, roles, startup):
    client = client_for(roles["owner"])
    target = startup.members.get(user=roles["team_member"])
    url = reverse("startups:member_remove", args=["mirai", target.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "削除" in confirm.content.decode()
    assert startup.members.filter(pk=target.pk).exists()
    client.post(url)
    assert not startup.members.filter(pk=target.pk).exists()


def test_idor_member_of_another_startup_by_id(client_for, roles, startup):
    other = factories.StartupFactory(slug="other")
    victim = factories.startup_member(other, MemberRole.MEMBER)
    victim_row = other.members.get(user=victim)
    client = client_for(roles["owner"])
    # The member id belongs to another startup: not found under this startup's URL.
    assert (
        client.post(reverse("startups:member_remove", args=["mirai", victim_row.pk])).status_code
        == 404
    )
    assert other.members.filter(pk=victim_row.pk).exists()


def test_profile_edit_keeps_input_on_error(client_for, roles):
    client = client_for(roles["owner"])
    response = client.post(
        reverse("startups:edit", args=["mirai"]),
        {
            "name": "株式会社ミライ行政テック",
            "summary": "新しい概要",
            "corporate_number": "1234567890123",
            "categories": ["ai_rpa"],
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "新しい概要" in html and "法人番号" in html


def test_profile_edit_saves_categories_and_tags(client_for, roles, startup):
    client = client_for(roles["admin"])
    response = client.post(
        reverse("startups:edit", args=["mirai"]),
        {
            "name": "株式会社ミライ行政テック",
            "categories": ["ai_rpa", "online_procedures"],
            "tags": "電子申請、LINE, ノーコード",
        },
    )
    assert response.status_code == 302
    assert set(startup.categories.values_list("category", flat=True)) == {
        "ai_rpa",
        "online_procedures",
    }
    assert sorted(startup.tags.names()) == sorted(["電子申請", "LINE", "ノーコード"])


def test_track_record_is_public_only_once_confirmed_by_that_municipality(
    client, client_for, roles, startup, official, other_official
):
    owner_client = client_for(roles["owner"])
    owner_client.post(
        reverse("startups:track_record_new", args=["mirai"]),
        {
            "prefecture": "10",
            "municipality": factories.MAEBASHI,
            "category": "online_procedures",
            "title": "電子申請の導入",
            "year": 2025,
        },
    )
    record = TrackRecord.objects.get()
    assert record.state == TrackRecordState.PENDING
    assert "電子申請の導入" not in client.get(startup.get_absolute_url()).content.decode()
    # Another municipality's official can neither see nor decide it.
    other = client_for(other_official)
    assert (
        "電子申請の導入" not in other.get(reverse("startups:track_record_review")).content.decode()
    )
    assert (
        other.post(
            reverse("startups:track_record_decide", args=[record.pk]), {"decision": "confirm"}
        ).status_code
        == 404
    )
    record.refresh_from_db()
    assert record.state == TrackRecordState.PENDING
    official_client = client_for(official)
    assert (
        "電子申請の導入"
        in official_client.get(reverse("startups:track_record_review")).content.decode()
    )
    official_client.post(
        reverse("startups:track_record_decide", args=[record.pk]), {"decision": "confirm"}
    )
    record.refresh_from_db()
    assert record.state == TrackRecordState.CONFIRMED and record.decided_by == official
    client.logout()
    assert "電子申請の導入" in client.get(startup.get_absolute_url()).content.decode()


def test_startups_cannot_reach_the_official_review_queue(client_for, roles):
    assert (
        client_for(roles["owner"]).get(reverse("startups:track_record_review")).status_code == 403
    )


def _directory_data(n):
    for i in range(n):
        s = factories.StartupFactory(hq_prefecture_id="13")
        StartupCategory.objects.create(startup=s, category="ai_rpa")
        s.tags.add(f"タグ{i}")


@pytest.mark.parametrize("rows", [3, 30])
def test_directory_query_count_is_fixed(client, django_assert_num_queries, rows):
    _directory_data(rows)
    # prefectures (filter choices) + count + page + categories + tags; anonymous: no auth query
    with django_assert_num_queries(5):
        response = client.get(reverse("startups:directory"), {"category": "ai_rpa"})
    assert response.status_code == 200


def test_directory_filters_and_japanese_keyword(client):
    a = factories.StartupFactory(
        name="防災テック株式会社", summary="避難所の混雑を見える化", hq_prefecture_id="22"
    )
    StartupCategory.objects.create(startup=a, category="disaster")
    factories.StartupFactory(name="農業ラボ", hq_prefecture_id="01")
    html = client.get(reverse("startups:directory"), {"q": "避難"}).content.decode()
    assert "防災テック株式会社" in html and "農業ラボ" not in html
    html = client.get(
        reverse("startups:directory"), {"category": "disaster", "prefecture": "22"}
    ).content.decode()
    assert "防災テック株式会社" in html and "農業ラボ" not in html
    assert client.get(reverse("startups:directory"), {"page": "999"}).status_code == 200
    assert client.get(reverse("startups:directory"), {"category": "nonsense"}).status_code == 200


def test_public_profile_shows_the_corporate_number_with_a_link_to_the_nta_site(client):
    from tests import factories as f

    startup = f.StartupFactory(corporate_number="7000012050002")
    html = client.get(f"/ja/startups/{startup.slug}/").content.decode()
    assert "7000012050002" in html
    assert (
        "https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=7000012050002"
        in html
    )


def test_demo_corporate_numbers_are_valid_and_under_an_unused_registry_code():
    from portal.startups.demo import demo_corporate_number
    from portal.startups.validators import is_valid_corporate_number

    number = demo_corporate_number(3)
    assert is_valid_corporate_number(number)
    assert number[1:5] == "9999"
