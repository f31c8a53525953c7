"""The sitemap: every public page in Japanese and English, with open support requests and
startup profiles (Django's sitemap framework, each URL with its other-language alternates)."""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.community.models import SupportRequest
from portal.startups.models import Startup


class BilingualSitemap(Sitemap):
    """Each item once per language (/ja/…, /en/…), linked to each other by hreflang."""

    i18n = True
    alternates = True


class PageSitemap(Sitemap):
    """Every live, public page in each language it is written in, linked by hreflang to its
    translations. A page's address carries its own locale (Wagtail's i18n), so pages are not
    repeated per language as the other sitemaps are; aliases are left out, since an alias repeats
    its Japanese page (which its canonical link names)."""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        translations = defaultdict(list)
        for url in urls:
            translations[url["item"].translation_key].append(url)
        for group in translations.values():
            if len(group) < 2:
                continue
            alternates = [
                {"location": url["location"], "lang_code": languages[url["item"].locale_id]}
                for url in group
            ]
            for url in group:
                url["alternates"] = alternates
        return urls


class SupportRequestSitemap(BilingualSitemap):
    """The requests a visitor may read (public, published, not hidden)."""

    def items(self):
        return SupportRequest.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, support_request):
        return support_request.updated_at


class StartupSitemap(BilingualSitemap):
    def items(self):
        return Startup.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, startup):
        return startup.updated_at


SITEMAPS = {"pages": PageSitemap, "requests": SupportRequestSitemap, "startups": StartupSitemap}
