"""Two-way matching: reasons, ordering, visibility, query counts and where it is shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from portal.startups import matching
from portal.startups.models import MemberRole, StartupCategory, TrackRecord
from tests import factories

pytestmark = pytest.mark.django_db


def make_startup(name, *, categories=(), tags=(), hq=None, description="", records=(), **kw):
    startup = factories.StartupFactory(
        name=name, hq_prefecture_id=hq, description=description, **kw
    )
    for category in categories:
        StartupCategory.objects.create(startup=startup, category=category)
    startup.tags.add(*tags)
    for code, category, state in records:
        TrackRecord.objects.create(
            startup=startup,
            municipality=factories.municipality(code),
            category=category,
            title="避難所受付の実証",
            year=2024,
            state=state,
        )
    return startup


@pytest.fixture
def disaster_request():
    return factories.support_request(
        title="避難所運営のデジタル化",
        summary="避難所の受付と物資管理をデジタル化したい。",
        body="災害時の避難所受付をQRコードで行い、避難者数を本部で把握したい。",
        category="disaster",
        tags=["避難所", "GIS"],
    )  # 前橋市 (群馬県, 関東)


@pytest.fixture
def startups():
    return {
        "best": make_startup(
            "株式会社防災ベスト",
            categories=["disaster"],
            tags=["避難所"],
            hq="10",
            records=[(factories.SHIOJIRI, "disaster", "confirmed")],
        ),
        "category": make_startup("カテゴリ株式会社", categories=["disaster"], hq="01"),
        "claimed": make_startup(
            "未確認実績株式会社",
            categories=["disaster"],
            hq="01",
            records=[(factories.SHIOJIRI, "disaster", "pending")],
        ),
        "text": make_startup(
            "文章株式会社",
            categories=["education"],
            hq="47",
            description="避難所の受付と避難者数の把握を、QRコードでデジタル化します。",
        ),
        "region_only": make_startup("近所株式会社", categories=["education"], hq="10"),
        "hidden": make_startup(
            "非表示株式会社", categories=["disaster"], tags=["避難所"], hidden_at=timezone.now()
        ),
    }


def codes(match):
    return [reason.code for reason in match.reasons]


def test_reasons_and_ordering_for_a_request(disaster_request, startups):
    matches = matching.recommended_startups(support_request=disaster_request, limit=10)
    names = [m.startup.name for m in matches]
    assert names[0] == "株式会社防災ベスト"
    assert codes(matches[0]) == ["category", "track_record", "tags", "text", "prefecture"] or (
        codes(matches[0]) == ["category", "track_record", "tags", "prefecture"]
    )
    best = matches[0]
    texts = " ".join(reason.text for reason in best.reasons)
    assert "塩尻市" in texts and "避難所" in texts
    assert "近所株式会社" not in names  # the region alone is not a reason
    assert "非表示株式会社" not in names  # hidden by a moderator
    # A claimed but unconfirmed record does not count.
    claimed = next(m for m in matches if m.startup.name == "未確認実績株式会社")
    assert "track_record" not in codes(claimed)
    plain = next(m for m in matches if m.startup.name == "カテゴリ株式会社")
    assert claimed.score == plain.score
    text = next(m for m in matches if m.startup.name == "文章株式会社")
    assert codes(text) == ["text"]
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_scoring_is_deterministic_and_ties_prefer_verified_then_name(disaster_request):
    make_startup("B社", categories=["disaster"], verification_state="pending")
    make_startup("C社", categories=["disaster"])
    make_startup("A社", categories=["disaster"])
    first = matching.recommended_startups(support_request=disaster_request)
    assert [m.startup.name for m in first] == ["A社", "C社", "B社"]
    assert [
        m.startup.name for m in matching.recommended_startups(support_request=disaster_request)
    ] == ["A社", "C社", "B社"]


def test_requests_recommended_to_a_startup_with_reasons_and_visibility(startups, official):
    startup = startups["best"]
    user = factories.startup_member(startup, MemberRole.MEMBER)
    wanted = factories.support_request(
        title="避難所の混雑を見える化", category="disaster", tags=["避難所"]
    )
    factories.support_request(title="学校のICT", category="education")  # no reason
    closed = factories.support_request(
        title="避難所 締切済み", category="disaster", state="selecting"
    )
    draft = factories.support_request(title="避難所 下書き", category="disaster", state="draft")
    members_only = factories.support_request(
        title="避難所 会員限定", category="disaster", visibility="members"
    )
    titles = [
        m.support_request.title for m in matching.recommended_requests(startup=startup, user=user)
    ]
    assert titles[0] == "避難所の混雑を見える化"
    assert "学校のICT" not in titles
    assert closed.title not in titles and draft.title not in titles
    assert members_only.title in titles  # the startup is verified
    startup.verification_state = "pending"
    startup.save()
    user = type(user).objects.get(pk=user.pk)
    titles = [
        m.support_request.title for m in matching.recommended_requests(startup=startup, user=user)
    ]
    assert members_only.title not in titles
    assert wanted.title in titles


def _count(fn):
    with CaptureQueriesContext(connection) as context:
        fn()
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_startups(
    disaster_request, django_assert_num_queries
):
    for n in range(3):
        make_startup(
            f"少数{n}",
            categories=["disaster"],
            tags=["避難所"],
            hq="10",
            records=[(factories.SHIOJIRI, "disaster", "confirmed")],
        )
    matching.recommended_startups(support_request=disaster_request)  # warm caches (types)
    few = _count(lambda: matching.recommended_startups(support_request=disaster_request))
    for n in range(12):
        make_startup(
            f"多数{n}",
            categories=["disaster"],
            tags=["避難所"],
            hq="10",
            records=[(factories.SHIOJIRI, "disaster", "confirmed")],
        )
    with django_assert_num_queries(few):
        matches = matching.recommended_startups(support_request=disaster_request, limit=20)
    assert len(matches) == 15


def test_query_count_does_not_grow_with_the_number_of_requests(startups, django_assert_num_queries):
    user = factories.startup_member(startups["best"], MemberRole.MEMBER)
    user.startup_membership  # noqa: B018 (cached, as in a request)
    for n in range(2):
        factories.support_request(title=f"避難所 少数{n}", category="disaster", tags=["避難所"])
    matching.recommended_requests(startup=startups["best"], user=user)  # warm caches (types)
    few = _count(lambda: matching.recommended_requests(startup=startups["best"], user=user))
    for n in range(10):
        factories.support_request(title=f"避難所 多数{n}", category="disaster", tags=["GIS"])
    with django_assert_num_queries(few):
        matches = matching.recommended_requests(startup=startups["best"], user=user, limit=50)
    assert len(matches) == 12


def test_request_page_shows_recommendations_to_requesters_and_moderators_only(
    client,
    client_for,
    disaster_request,
    startups,
    official,
    other_official,
    moderator,
    startup_user,
):
    url = disaster_request.get_absolute_url()
    for user in (official, moderator):
        html = client_for(user).get(url).content.decode()
        assert "おすすめのスタートアップ" in html
        assert "株式会社防災ベスト" in html and "非表示株式会社" not in html
        assert html.count('data-testid="recommended-startup"') <= 5
        client.logout()
    for user in (None, other_official, startup_user):
        if user:
            client_for(user)
        html = client.get(url).content.decode()
        assert "おすすめのスタートアップ" not in html
        client.logout()


def test_recommended_page_is_for_the_startups_members_only(
    client, client_for, startups, official, moderator, other_startup_user
):
    startup = startups["best"]
    url = reverse("startups:recommended", args=[startup.slug])
    factories.support_request(title="避難所の混雑を見える化", category="disaster")
    owner = factories.startup_member(startup, MemberRole.MEMBER)
    response = client_for(owner).get(url)
    assert response.status_code == 200
    assert "避難所の混雑を見える化" in response.content.decode()
    client.logout()
    assert client.get(url).status_code == 302
    for user in (official, moderator, other_startup_user):
        response = client_for(user).get(url)
        assert response.status_code == 403
        assert "避難所の混雑を見える化" not in response.content.decode()
        client.logout()


def test_dashboard_selector_for_the_include(startups):
    from django.template.loader import render_to_string

    from portal.startups.selectors import recommended_requests_for_dashboard

    user = factories.startup_member(startups["best"], MemberRole.MEMBER)
    factories.support_request(title="避難所の混雑を見える化", category="disaster")
    matches = recommended_requests_for_dashboard(user=user)
    html = render_to_string(
        "startups/includes/recommended_requests.html", {"recommended_requests": matches}
    )
    assert "避難所の混雑を見える化" in html
    assert recommended_requests_for_dashboard(user=factories.UserFactory()) == []


def test_directory_uses_the_japanese_search_on_tags_and_areas(client_for, client):
    startup = factories.StartupFactory(name="株式会社サーチ", slug="search-co")
    owner = factories.startup_member(startup, MemberRole.OWNER)
    client_for(owner).post(
        reverse("startups:edit", args=["search-co"]),
        {"name": "株式会社サーチ", "categories": ["disaster"], "tags": "避難所受付"},
    )
    client.logout()
    factories.StartupFactory(name="関係ない株式会社")
    for query in ("避難所", "防災", "disaster", "ｻｰﾁ"):
        html = client.get(reverse("startups:directory"), {"q": query}).content.decode()
        assert "株式会社サーチ" in strip_tags(html), query  # a name match is in <mark>
        assert "関係ない株式会社" not in html, query
    html = client.get(reverse("startups:directory"), {"q": "避難所", "sort": "newest"}).content
    assert "株式会社サーチ" in html.decode()


def test_shared_phrases_are_readable():
    from portal.search.analysis import index_tokens, normalize

    text = normalize("避難所受付のデジタル化とＱＲコード")
    shared = frozenset(index_tokens("避難所受付をQRで")) & frozenset(index_tokens(text))
    assert matching.shared_phrases(text, shared) == ["避難所受付", "qr"]


def _recommended_items(html):
    return html.split('data-testid="recommended-startup"')[1:]


def test_request_page_marks_recommended_startups_that_already_proposed(
    client_for, disaster_request, startups, official, moderator, django_assert_num_queries
):
    from portal.startups.models import Proposal

    def propose(startup, state, **fields):
        return Proposal.objects.create(
            support_request=disaster_request,
            startup=startup,
            summary="提案の概要",
            body="提案の本文",
            state=state,
            **fields,
        )

    submitted = propose(startups["best"], "submitted")
    declined = propose(startups["category"], "declined", hidden_at=timezone.now())
    propose(startups["claimed"], "withdrawn")
    propose(startups["text"], "draft")
    client = client_for(official)
    url = disaster_request.get_absolute_url()
    html = client.get(url).content.decode()
    items = _recommended_items(html)
    by_name = {
        key: next(item for item in items if startups[key].name in item.split("</h3>")[0])
        for key in ("best", "category", "claimed", "text")
    }
    submitted_url = reverse("startups:proposal_detail", args=[submitted.pk])
    declined_url = reverse("startups:proposal_detail", args=[declined.pk])
    assert "提案済み" in by_name["best"] and submitted_url in by_name["best"]
    # A declined proposal is marked too; hidden by a moderator, it is not linked for officials.
    assert "提案済み" in by_name["category"] and "見送り" in by_name["category"]
    assert declined_url not in by_name["category"]
    for key in ("claimed", "text"):  # withdrawn, draft: not a proposal the officials received
        assert "提案済み" not in by_name[key]
    assert declined_url in client_for(moderator).get(url).content.decode()

    # One query for the marks, whatever the number of proposals.
    client = client_for(official)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    Proposal.objects.filter(startup__in=[startups["claimed"], startups["text"]]).update(
        state="submitted"
    )
    with django_assert_num_queries(len(context.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('data-testid="recommended-proposed"') == 4


def test_recommended_page_headings_go_down_one_level_at_a_time(client_for, startups):
    import re

    startup = startups["best"]
    factories.support_request(title="避難所の混雑を見える化", category="disaster")
    owner = factories.startup_member(startup, MemberRole.MEMBER)
    html = client_for(owner).get(reverse("startups:recommended", args=[startup.slug])).content
    main = html.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
    levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
    assert levels[0] == 1 and len(levels) > 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, levels
