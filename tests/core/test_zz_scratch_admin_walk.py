"""SCRATCH (not committed): which msgids the Japanese admin renders untranslated."""

import collections
import html
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import _trans, trans_real

from tests.cms.factories import with_totp

pytestmark = pytest.mark.django_db

RECORD = collections.defaultdict(set)
CURRENT = ["?"]


def _install():
    orig = {n: getattr(trans_real, n) for n in ("gettext", "pgettext", "ngettext", "npgettext")}

    def is_ja():
        return (translation.get_language() or "").startswith("ja")

    def gettext(message):
        r = orig["gettext"](message)
        if is_ja():
            RECORD[(None, str(message), None, r == message)].add(CURRENT[0])
        return r

    def pgettext(context, message):
        r = orig["pgettext"](context, message)
        if is_ja():
            RECORD[(context, str(message), None, r == message)].add(CURRENT[0])
        return r

    def ngettext(singular, plural, number):
        r = orig["ngettext"](singular, plural, number)
        if is_ja():
            RECORD[(None, str(singular), str(plural), r in (singular, plural))].add(CURRENT[0])
        return r

    def npgettext(context, singular, plural, number):
        r = orig["npgettext"](context, singular, plural, number)
        if is_ja():
            RECORD[(context, str(singular), str(plural), r in (singular, plural))].add(CURRENT[0])
        return r

    for name, fn in (("gettext", gettext), ("pgettext", pgettext), ("ngettext", ngettext), ("npgettext", npgettext)):
        setattr(_trans, name, fn)
    return orig


HREF = re.compile(r'(?:href|action|data-url|data-w-swap-src-value|data-chooser-url)="(/admin/[^"#]*)"')


def test_walk(client, settings):
    settings.DEBUG = True
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page, WorkflowState

    from portal.accounts.models import User

    moderator = User.objects.get(email="moderator@example.jp")
    with_totp(moderator)
    client.force_login(moderator, backend="django.contrib.auth.backends.ModelBackend")
    seeds = ["/admin/", "/admin/pages/", "/admin/pages/search/?q=%E4%BA%8B%E4%BE%8B", "/admin/search/?q=%E4%BA%8B%E4%BE%8B",
             "/admin/reports/", "/admin/reports/locked/", "/admin/reports/site-history/", "/admin/reports/aging-pages/",
             "/admin/reports/workflow/", "/admin/reports/workflow_tasks/", "/admin/reports/page-types-usage/",
             "/admin/workflows/list/", "/admin/workflows/tasks/index/", "/admin/documents/", "/admin/documents/multiple/add/",
             "/admin/images/", "/admin/images/multiple/add/", "/admin/snippets/", "/admin/account/", "/admin/choose-page/",
             "/admin/documents/chooser/", "/admin/images/chooser/", "/admin/settings/", "/admin/sites/", "/admin/users/",
             "/admin/groups/", "/admin/collections/", "/admin/redirects/", "/admin/locales/", "/admin/forms/",
             "/admin/pages/usage/", "/admin/moderation/", "/admin/officials/", "/admin/startup-verification/",
             "/admin/community-dashboard/", "/admin/pattern-suggestions/", "/admin/bulk/"]
    seen_types = set()
    for page in Page.objects.exclude(depth=1).specific().order_by("path"):
        t = type(page).__name__
        if t in seen_types:
            continue
        seen_types.add(t)
        seeds += [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/", f"/admin/pages/{page.pk}/history/",
                  f"/admin/pages/{page.pk}/revisions/", f"/admin/pages/{page.pk}/move/", f"/admin/pages/{page.pk}/copy/",
                  f"/admin/pages/{page.pk}/delete/", f"/admin/pages/{page.pk}/unpublish/", f"/admin/pages/{page.pk}/add_subpage/",
                  f"/admin/pages/{page.pk}/privacy/", f"/admin/pages/{page.pk}/usage/"]
        parent = page.get_parent()
        seeds.append(f"/admin/pages/add/{page._meta.app_label}/{page._meta.model_name}/{parent.pk}/")
    for state in WorkflowState.objects.filter(status="in_progress")[:3]:
        seeds.append(f"/admin/pages/{state.object_id}/edit/")
        seeds.append(f"/admin/pages/{state.object_id}/workflow/history/")
    for d in Document.objects.all()[:1]:
        seeds += [f"/admin/documents/edit/{d.pk}/", f"/admin/documents/delete/{d.pk}/", f"/admin/documents/usage/{d.pk}/"]
    for i in Image.objects.all()[:1]:
        seeds += [f"/admin/images/{i.pk}/", f"/admin/images/{i.pk}/delete/", f"/admin/images/{i.pk}/usage/"]
    orig = _install()
    queue = list(dict.fromkeys(seeds))
    visited, per_view, statuses = set(), collections.Counter(), {}
    try:
        while queue and len(visited) < 700:
            url = queue.pop(0)
            if url in visited or "logout" in url or url.endswith(".csv") or "/download" in url or "export" in url:
                continue
            try:
                match = resolve(urlsplit(url).path)
            except Resolver404:
                continue
            key = match.route
            if per_view[key] >= 2 and url not in seeds:
                continue
            per_view[key] += 1
            visited.add(url)
            CURRENT[0] = url
            translation.activate("ja")
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="ja")
            statuses[url] = response.status_code
            ctype = response.get("Content-Type", "")
            if response.status_code == 200 and ("html" in ctype or "json" in ctype):
                body = response.content.decode(errors="replace")
                for href in HREF.findall(body):
                    href = html.unescape(href)
                    if href not in visited:
                        queue.append(href)
    finally:
        for name, fn in orig.items():
            setattr(_trans, name, fn)
    out = [
        {"ctx": c, "msgid": m, "plural": p, "untranslated": un, "urls": sorted(u)[:5], "n": len(u)}
        for (c, m, p, un), u in RECORD.items()
    ]
    json.dump({"records": out, "statuses": statuses}, open("/tmp/trust/walk.json", "w"), ensure_ascii=False, indent=1)
