"""The header navigation: primary links in the bar, the rest in the "More" disclosure."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _more_menu(html):
    match = re.search(r"<details class=\"menu\" data-nav-more>(.*?)</details>", html, re.S)
    assert match, "the navigation has no More menu"
    return match.group(1)


def test_visitor_sees_cms_sections_split_between_bar_and_more_menu(client):
    html = client.get("/ja/").content.decode()
    more = _more_menu(html)
    bar = html.replace(more, "")
    assert "その他" in more
    for label in ("先進事例", "イベント"):
        assert f">{label}</a>" in bar
    for label in ("補助金・支援制度", "コミュニティ"):
        assert f">{label}</a>" in more
    assert reverse("community:request_dashboard") not in html
    assert "menu__separator" not in more


def test_official_finds_their_dashboards_in_more_menu_with_aria_current(client_for, official):
    client = client_for(official)
    url = reverse("community:request_dashboard")
    more = _more_menu(client.get(url).content.decode())
    assert f'<a href="{url}" aria-current="page">' in more
    assert reverse("startups:proposal_review") in more
    assert f'"{reverse("startups:proposal_dashboard")}"' not in more


def test_startup_finds_their_proposals_in_more_menu(client_for, startup_user):
    more = _more_menu(client_for(startup_user).get("/en/").content.decode())
    with translation.override("en"):
        assert f'<a href="{reverse("startups:proposal_dashboard")}">Our proposals</a>' in more
        assert reverse("community:request_dashboard") not in more


def test_only_moderators_find_the_moderation_console_in_more_menu(client_for, moderator, official):
    moderator_html = client_for(moderator).get("/ja/").content.decode()
    assert '<a href="/admin/">モデレーション</a>' in _more_menu(moderator_html)
    assert 'href="/admin/"' not in moderator_html.replace(_more_menu(moderator_html), "")
    assert 'href="/admin/"' not in client_for(official).get("/ja/").content.decode()
