"""English CMS content through Wagtail's localisation (portal/cms/locales.py says the rules).

Every Japanese page has an English copy once the tree is synced: an alias (the Japanese content
at an /en/ address) until a moderator translates it. Readers see one copy of each page in their
language; counts, open data and stored links use the Japanese originals only.
"""

import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState

from portal.adoption.selectors import case_study_get_public
from portal.cms.locales import for_reading, originals
from portal.cms.models import CaseStudyPage, EventRegistration, TermsPage
from portal.dashboard.selectors import event_attendance, event_attendance_totals
from tests import factories as base_factories
from tests.cms import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module("portal.cms.migrations.0007_english_locale")


def _titles(results) -> list[str]:
    return [page.title for page in results]


@pytest.fixture
def cases():
    """Two Japanese cases, the tree synced, the index and the first case translated."""
    first = factories.case_study(title="書かない窓口", slug="kakanai")
    second = factories.case_study(title="水田の水位センサー", slug="suiden")
    factories.english_tree()
    factories.translate(factories.case_index(), title="Advanced cases", intro="Cases to adopt")
    english = factories.translate(first, title="Paperless counter", intro="No forms to fill in")
    return {"first": first, "second": second, "english": english}


# --- set-up -------------------------------------------------------------------------------------


def test_migration_makes_the_english_locale_once_and_lets_moderators_translate():
    migration.add_english(django_apps, None)  # a second run changes nothing
    assert list(Locale.objects.values_list("language_code", flat=True).order_by("pk")) == [
        "ja",
        "en",
    ]
    moderator = base_factories.moderator()
    assert moderator.has_perm("simple_translation.submit_translation")


def test_migration_reverse_keeps_a_locale_that_pages_use(cases):
    migration.remove_english(django_apps, None)
    assert Locale.objects.filter(language_code="en").exists()
    assert not base_factories.moderator().has_perm("simple_translation.submit_translation")


def test_migration_reverse_drops_the_locale_while_nothing_uses_it():
    migration.remove_english(django_apps, None)
    assert not Locale.objects.filter(language_code="en").exists()


def test_sync_aliases_every_japanese_page_once_and_is_idempotent():
    case = factories.case_study()
    created = factories.english_tree()
    # home, the case index and the case
    assert created == 3
    assert factories.english_tree() == 0
    alias = case.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == case.pk and alias.live
    assert alias.url == f"/en/cases/{case.slug}/"


def test_a_page_published_after_the_sync_gets_its_alias():
    factories.english_tree()
    case = factories.case_study(title="後から公開した事例")
    copies = CaseStudyPage.objects.filter(translation_key=case.translation_key)
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["en", "ja"]


def test_publishing_a_translation_makes_no_new_copy(cases):
    cases["english"].save_revision().publish()
    assert CaseStudyPage.objects.filter(translation_key=cases["first"].translation_key).count() == 2


def test_publishing_an_event_promotes_its_waiting_list_once_not_per_copy(
    monkeypatch, django_capture_on_commit_callbacks
):
    import portal.cms.services

    aliased = factories.event(capacity=1)
    translated = factories.event(capacity=1)
    factories.english_tree()
    english = factories.translate(translated, title="ICT Summit")
    promoted = []
    monkeypatch.setattr(
        portal.cms.services, "event_waitlist_promote", lambda *, event: promoted.append(event.pk)
    )
    with django_capture_on_commit_callbacks(execute=True):
        aliased.capacity = 2
        aliased.save_revision().publish()  # also publishes its English alias (alias=True)
        english.capacity = 2
        english.save_revision().publish()  # a translation: its original holds the seats
    assert promoted == [aliased.pk]
    alias = aliased.get_translation(Locale.objects.get(language_code="en"))
    assert alias.alias_of_id == aliased.pk and alias.capacity == 2


# --- what a reader sees -------------------------------------------------------------------------


def test_english_case_index_is_headed_in_english_and_lists_each_case_once(client, cases):
    response = client.get("/en/cases/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Advanced cases</h1>" in html or ">Advanced cases<" in html
    results = list(response.context["results"])
    assert sorted(_titles(results)) == ["Paperless counter", "水田の水位センサー"]
    assert len({page.translation_key for page in results}) == 2
    assert all(page.url.startswith("/en/cases/") for page in results)
    japanese = list(client.get("/ja/cases/").context["results"])
    assert sorted(_titles(japanese)) == ["書かない窓口", "水田の水位センサー"]


def test_an_untranslated_page_shows_its_japanese_content_under_en(client, cases):
    response = client.get("/en/cases/suiden/")
    assert response.status_code == 200
    assert "水田の水位センサー" in response.content.decode()
    assert response.context["page"].locale.language_code == "en"


def test_without_an_english_tree_en_falls_back_to_the_japanese_pages(client):
    case = factories.case_study(title="未同期の事例")
    assert client.get(f"/en/cases/{case.slug}/").status_code == 200
    results = list(client.get("/en/cases/").context["results"])
    assert _titles(results) == ["未同期の事例"]


def test_the_translation_is_served_under_en_and_the_original_under_ja(client, cases):
    english = client.get("/en/cases/kakanai/").content.decode()
    japanese = client.get("/ja/cases/kakanai/").content.decode()
    assert "Paperless counter" in english and "書かない窓口" not in english
    assert "書かない窓口" in japanese and "Paperless counter" not in japanese


def test_english_home_lists_each_case_once(client, cases):
    featured = client.get("/en/").context["featured_cases"]
    assert sorted(_titles(featured)) == ["Paperless counter", "水田の水位センサー"]


def test_for_reading_and_originals_give_one_copy_per_page(cases):
    live = CaseStudyPage.objects.live()
    assert sorted(_titles(for_reading(live, "en"))) == ["Paperless counter", "水田の水位センサー"]
    assert sorted(_titles(for_reading(live, "ja"))) == ["書かない窓口", "水田の水位センサー"]
    assert sorted(_titles(originals(live))) == ["書かない窓口", "水田の水位センサー"]


def _text(response) -> str:
    """The page's text without tags (a result's matched words are wrapped in <mark>)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def test_search_in_english_finds_the_english_translation(client, cases):
    english = client.get("/en/search/", {"q": "Paperless", "type": "cases"})
    assert "Paperless counter" in _text(english)
    japanese = client.get("/ja/search/", {"q": "Paperless", "type": "cases"})
    assert "Paperless counter" not in _text(japanese)
    both = client.get("/en/search/", {"q": "水田", "type": "cases"}).content.decode()
    assert both.count("/en/cases/suiden/") >= 1 and "/ja/cases/suiden/" not in both


def test_case_filter_choices_follow_the_reading_language(client, cases):
    factories.translate(cases["second"], crop_or_industry="Rice")
    original = cases["second"]
    original.crop_or_industry = "水稲"
    original.save_revision().publish()
    english = client.get("/en/cases/").context["filter"]
    japanese = client.get("/ja/cases/").context["filter"]
    assert ("Rice", "Rice") in english.filters["crop"].extra["choices"]
    assert ("Rice", "Rice") not in japanese.filters["crop"].extra["choices"]


# --- language switch, hreflang, sitemap ---------------------------------------------------------


def test_language_switch_on_a_cms_page_goes_to_its_translation(client, cases):
    english = cases["english"]
    english.slug = "paperless"
    english.save_revision().publish()
    html = client.get("/ja/cases/kakanai/").content.decode()
    assert 'name="next" value="/en/cases/paperless/"' in html
    html = client.get("/en/cases/paperless/").content.decode()
    assert 'name="next" value="/ja/cases/kakanai/"' in html


def test_page_head_has_hreflang_alternates_only_for_a_translation(client, cases):
    html = client.get("/ja/cases/kakanai/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/cases/kakanai/">' in html
    assert '<link rel="alternate" hreflang="ja" href="http://testserver/ja/cases/kakanai/">' in html
    alias = client.get("/en/cases/suiden/").content.decode()
    assert 'hreflang="en"' not in alias
    # An alias repeats the Japanese page, which is the canonical address.
    assert '<link rel="canonical" href="http://testserver/ja/cases/suiden/">' in alias


def test_sitemap_has_both_languages_with_hreflang_alternates(client, cases):
    text = client.get("/sitemap.xml").content.decode()
    urls = dict(re.findall(r"<url>\s*<loc>([^<]+)</loc>(.*?)</url>", text, re.S))
    ja, en = "http://testserver/ja/cases/kakanai/", "http://testserver/en/cases/kakanai/"
    assert ja in urls and en in urls
    for loc in (ja, en):
        assert f'hreflang="en" href="{en}"' in urls[loc]
        assert f'hreflang="ja" href="{ja}"' in urls[loc]
    # The untranslated case once, in Japanese; its alias repeats it and is left out.
    assert "http://testserver/ja/cases/suiden/" in urls
    assert "http://testserver/en/cases/suiden/" not in urls
    assert "hreflang" not in urls["http://testserver/ja/cases/suiden/"]


# --- facts and data: the Japanese originals, counted once --------------------------------------


def test_open_data_lists_each_case_once_with_the_original_id(client, cases):
    data = client.get("/api/v1/case-studies/").json()
    assert sorted(row["id"] for row in data["results"]) == sorted(
        [cases["first"].pk, cases["second"].pk]
    )


def test_dashboard_counts_events_once_when_translated(client):
    users = [base_factories.UserFactory() for _n in range(2)]
    event = factories.event(days=-3)
    for user in users:
        EventRegistration.objects.create(event=event, user=user, status="confirmed")
    before = event_attendance_totals()
    factories.english_tree()
    factories.translate(event, title="ICT Summit")
    after = event_attendance_totals()
    assert after == before and after.events == 1 and after.confirmed == 2
    assert [row.key for row in event_attendance()] == [str(event.pk)]
    html = client.get("/ja/dashboard/").content.decode()
    assert 'data-testid="kpi-events">2<' in html


def test_registering_on_the_english_event_page_books_the_original(client_for, member):
    event = factories.event(days=10, capacity=5)
    factories.english_tree()
    english = factories.translate(event, title="ICT Summit")
    response = client_for(member).post(english.url + "register/")
    assert response.status_code == 302 and response.url == english.url
    assert EventRegistration.objects.get(user=member).event_id == event.pk
    page = client_for(member).get(english.url)
    assert page.context["registration"] is not None
    assert page.context["seats"]["confirmed"] == 1


def test_adopting_from_the_english_case_links_the_original(cases):
    assert case_study_get_public(pk=cases["english"].pk).pk == cases["first"].pk
    alias = cases["second"].get_translation(Locale.objects.get(language_code="en"))
    assert case_study_get_public(pk=alias.pk).pk == cases["second"].pk


def test_terms_version_is_the_originals(cases):
    from portal.cms.models.trust import published_terms_version

    terms = factories.publish(
        factories.home(), TermsPage(title="利用規約", slug="terms", version="2026-04-01")
    )
    factories.translate(terms, title="Terms of use", version="2099-01-01")
    assert published_terms_version() == "2026-04-01"


# --- the moderators' translation workflow -------------------------------------------------------


def _in_progress_task(page) -> TaskState:
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def test_moderator_translates_a_case_study_and_it_is_published_through_moderation(
    client, client_for
):
    case = factories.case_study(title="LPWA水位センサーで水田の見回りを半減")
    factories.english_tree()
    alias = case.get_translation(Locale.objects.get(language_code="en"))
    translator = client_for(factories.with_totp(base_factories.moderator()))

    # The Japanese page's editor offers "Translate into English" (the alias → a translation).
    edit_page = translator.get(reverse("wagtailadmin_pages:edit", args=[case.pk]))
    convert = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    assert convert in edit_page.content.decode()
    response = translator.post(convert)
    assert response.status_code == 302
    english = CaseStudyPage.objects.get(pk=alias.pk)
    assert english.alias_of_id is None and english.live  # still the Japanese content meanwhile

    data = factories.case_study_form_data(
        title="LPWA water sensors halve paddy patrols", slug=english.slug, intro="Remote levels"
    )
    data["action-submit"] = "action-submit"
    response = translator.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    reader = Client()  # `client_for` signs `client` in; a reader is anonymous
    assert "LPWA water sensors" not in reader.get(english.url).content.decode()

    approver = client_for(factories.with_totp(base_factories.moderator()))
    task = _in_progress_task(english)
    url = reverse("wagtailadmin_pages:workflow_action", args=[english.pk, "approve", task.pk])
    assert approver.post(url, {"comment": "OK"}).status_code == 302
    english.refresh_from_db()
    assert english.title == "LPWA water sensors halve paddy patrols"
    assert "LPWA water sensors halve paddy patrols" in reader.get(english.url).content.decode()
    # The Japanese original is untouched and still the only row the data counts.
    case.refresh_from_db()
    assert case.title == "LPWA水位センサーで水田の見回りを半減"
    assert list(originals(CaseStudyPage.objects.live()).values_list("pk", flat=True)) == [case.pk]


def test_visitors_and_members_cannot_convert_an_alias(client, client_for, member, cases):
    alias = cases["second"].get_translation(Locale.objects.get(language_code="en"))
    url = reverse("wagtailadmin_pages:convert_alias", args=[alias.pk])
    for actor in (client, client_for(member)):
        actor.post(url)
    assert Page.objects.get(pk=alias.pk).alias_of_id == cases["second"].pk


# --- query counts -------------------------------------------------------------------------------

# The English listings, pinned like the Japanese ones in test_listings.py. The locale rule is a
# join and a subquery inside the listing's own queries; the two or three more than in Japanese
# are the English home found by its translation key and the Japanese pages that untranslated
# English aliases (the home, the index) mirror: the same at both sizes.
EXPECTED_ENGLISH_QUERIES = {
    "/en/": 19,
    "/en/cases/": 21,
    "/en/cases/?category=online_procedures&tag=LPWA&prefecture=10": 21,
    "/en/events/": 16,
    "/en/subsidies/": 15,
    "/en/news/": 15,
    "/en/reports/": 15,
    "/en/cases/?q=窓口": 21,
}


@pytest.mark.parametrize("size", [2, 15])
def test_english_listing_query_count_does_not_grow(
    client, django_assert_num_queries, size, no_page_cache
):
    from tests.cms.test_listings import _populate

    _populate(size)
    factories.english_tree()
    factories.translate(factories.case_index(), title="Advanced cases")
    factories.translate(originals(CaseStudyPage.objects.live()).first(), title="Paperless counter")
    for url, expected in EXPECTED_ENGLISH_QUERIES.items():
        client.get(url)  # warm the per-process caches (content types, site root paths)
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == 200, url
        results = response.context.get("results") or response.context.get("featured_cases")
        if results is not None:
            keys = [page.translation_key for page in results]
            assert len(keys) == len(set(keys)), url
