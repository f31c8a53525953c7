"""iCalendar files, Atom feeds, sitemap, robots.txt and Open Graph metadata."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from tests.cms import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_event_calendar_file_is_valid_icalendar(client):
    event = factories.event(
        title="ICT利活用サミット2026",
        format="hybrid",
        online_url="https://meet.example.jp/secret-room",
        venue_address="東京都千代田区",
    )
    response = client.get(event.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    body = response.content
    assert b"\r\n" in body  # RFC 5545 lines end with CRLF
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # folded at 75 octets
    calendar = Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "ICT利活用サミット2026"
    assert vevent.decoded("DTSTART") == event.start_at.replace(microsecond=0)
    assert vevent.decoded("DTEND") == event.end_at.replace(microsecond=0)
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")
    assert vevent["DTSTAMP"]
    assert "東京都千代田区" in str(vevent["LOCATION"])
    assert str(vevent["URL"]).endswith(event.url)
    assert "secret-room" not in body.decode()


def test_news_feed_is_atom_with_the_latest_items(client):
    index = factories.news_index()
    factories.news(title="ポータルを公開しました")
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["ポータルを公開しました"]
    link = root.find(f"{ATOM}entry/{ATOM}link").attrib["href"]
    assert link.startswith("http://testserver/ja/news/")


def test_event_feed_lists_upcoming_events_only(client):
    index = factories.event_index()
    factories.event(title="これからのセミナー", days=5)
    factories.event(title="終わったサミット", days=-30)
    response = client.get(index.url + "feed/")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["これからのセミナー"]


def test_sitemap_lists_live_pages_with_the_requested_host(client):
    case = factories.case_study()
    draft = factories.case_study(slug="draft-case")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert f"http://testserver{case.url}" in text
    assert "draft-case" not in text


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_accounts(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /ja/accounts/" in text


def test_pages_carry_open_graph_metadata(client):
    case = factories.case_study(title="書かない窓口", intro="窓口で申請書を書かずに済む仕組み")
    html = client.get(case.url).content.decode()
    assert '<meta property="og:title" content="書かない窓口">' in html
    assert '<meta property="og:description" content="窓口で申請書を書かずに済む仕組み">' in html
    assert f'<meta property="og:url" content="http://testserver{case.url}">' in html
    assert '<meta property="og:locale" content="ja_JP">' in html
    assert '<meta name="description" content="窓口で申請書を書かずに済む仕組み">' in html
    assert f'<link rel="canonical" href="http://testserver{case.url}">' in html


def test_index_pages_advertise_their_feeds(client):
    index = factories.news_index()
    html = client.get(index.url).content.decode()
    assert f'type="application/atom+xml" title="{index.title}" href="{index.url}feed/"' in html


def _entry_titles(response) -> list[str]:
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_case_feed_lists_published_cases_newest_first(client):
    index = factories.case_index()
    older = factories.case_study(title="先に公開した事例")
    newer = factories.case_study(title="あとで公開した事例")
    older.first_published_at = newer.first_published_at - datetime.timedelta(days=3)
    older.save(update_fields=["first_published_at"])
    draft = factories.case_study(title="下書きの事例")
    draft.unpublish()
    response = client.get(index.url + "feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert _entry_titles(response) == ["あとで公開した事例", "先に公開した事例"]
    html = client.get(index.url).content.decode()
    assert f'type="application/atom+xml" title="{index.title}" href="{index.url}feed/"' in html


def test_pattern_feed_puts_the_latest_revision_first(client):
    index = factories.pattern_index()
    first = factories.pattern(title="水稲の水管理")
    factories.pattern(title="施設園芸の環境制御")
    first.save_revision().publish()  # revised after the other was published
    response = client.get(index.url + "feed/")
    assert _entry_titles(response) == ["水稲の水管理", "施設園芸の環境制御"]
    assert f'href="{index.url}feed/"' in client.get(index.url).content.decode()
