"""The sitemap: every public page in Japanese and English, with open support requests and
startup profiles (Django's sitemap framework, each URL with its other-language alternate)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.community.models import SupportRequest
from portal.startups.models import Startup


class BilingualSitemap(Sitemap):
    """Each item once per language (/ja/…, /en/…), linked to each other by hreflang."""

    i18n = True
    alternates = True


class PageSitemap(BilingualSitemap):
    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at


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
