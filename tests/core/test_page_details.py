"""Small validity and sharing details from issue 18 (point 6), each checked on a rendered page."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale

from tests import factories
from tests.cms import factories as cms_factories

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_django_pages_separate_their_title_from_the_site_name(client):
    assert _title(client.get("/ja/requests/").content.decode()) == "支援要請 | 地域DX共創ポータル"


def test_cms_pages_keep_one_separator(client):
    case = cms_factories.case_study(title="水田の見回り")
    assert _title(client.get(case.url).content.decode()) == "水田の見回り | 地域DX共創ポータル"


def test_time_elements_carry_no_fractions_of_a_second(client):
    cms_factories.event(title="セミナー")
    html = client.get("/ja/events/").content.decode()
    values = re.findall(r'<time datetime="([^"]+)"', html)
    assert values
    for value in values:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d{4})?", value), value


INDEXES = {
    "/ja/cases/": cms_factories.case_index,
    "/ja/events/": cms_factories.event_index,
    "/ja/subsidies/": cms_factories.subsidy_index,
    "/ja/news/": cms_factories.news_index,
    "/ja/reports/": cms_factories.report_index,
}


@pytest.mark.parametrize("path", INDEXES)
def test_filter_forms_have_no_empty_action(client, path):
    INDEXES[path]()
    assert 'action=""' not in client.get(path).content.decode()


def test_no_template_has_an_empty_action_or_a_datetime_with_fractions():
    """The Nu checker rejects action=""; Django's "c" date format prints microseconds."""
    from pathlib import Path

    root = Path(__file__).parents[2] / "templates"
    offenders = []
    for template in root.rglob("*.html"):
        text = template.read_text()
        if 'action=""' in text or re.search(r"datetime=\"\{\{[^}]*\|date:'c'", text):
            offenders.append(str(template.relative_to(root)))
    assert offenders == []


def test_signup_help_lists_sit_in_block_elements(client):
    html = client.get("/ja/accounts/signup/").content.decode()
    assert not re.search(r"<span[^>]*>(?:(?!</span>).)*<ul", html, re.S)
    assert not re.search(r"<p[^>]*>(?:(?!</p>).)*<ul", html, re.S)


def test_case_pages_have_an_og_image(client):
    case = cms_factories.case_study(title="画像のない事例")
    html = client.get(case.url).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith("http://testserver/")
    assert client.get(image.removeprefix("http://testserver")).status_code == 200


def test_sitemap_lists_both_languages_requests_and_startups(client):
    case = cms_factories.case_study(slug="suiden")
    untranslated = cms_factories.case_study(slug="mihonyaku")
    cms_factories.english_tree()
    cms_factories.translate(case, title="Paddy water sensors")
    request = factories.support_request(title="公開の要請")
    draft = factories.support_request(state="draft", title="下書き")
    members_only = factories.support_request(visibility="verified")
    startup = factories.StartupFactory()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in root.findall("s:url/s:loc", ns)}
    for language in ("ja", "en"):
        assert f"http://testserver/{language}/cases/suiden/" in urls
        assert f"http://testserver/{language}/requests/{request.pk}/" in urls
        assert f"http://testserver/{language}/startups/{startup.slug}/" in urls
    # An alias repeats its Japanese page (its canonical link names it): listed once, in Japanese.
    assert "http://testserver/ja/cases/mihonyaku/" in urls
    assert "http://testserver/en/cases/mihonyaku/" not in urls
    assert untranslated.get_translation(Locale.objects.get(language_code="en")).alias_of_id
    assert not any(f"/requests/{draft.pk}/" in url for url in urls)
    assert not any(f"/requests/{members_only.pk}/" in url for url in urls)
    assert case.url.startswith("/ja/")


def test_english_uses_ascii_brackets_and_japanese_full_width_ones():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{% load brackets %}Draft{% paren %}{{ n }}{% endparen %}")
    with translation.override("en"):
        assert template.render(Context({"n": 1})) == "Draft (1)"
    with translation.override("ja"):
        assert template.render(Context({"n": 1})) == "Draft（1）"


def test_english_proposal_dashboard_headings_have_no_full_width_brackets(client):
    user = factories.startup_member()
    client.force_login(user)
    html = client.get("/en/proposals/").content.decode()
    assert "（" not in "".join(re.findall(r"<h2[^>]*>.*?</h2>", html, re.S))
