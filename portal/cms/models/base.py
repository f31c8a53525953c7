"""What every portal page shares: a social image for Open Graph, request-relative sitemap URLs."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.cms.navigation import SectionIndexMixin

LISTING_PER_PAGE = 12
# The order of an editor's inline rows (Orderable): the primary key breaks ties, since rows made
# in code (the demo, imports, tests) have no sort_order and PostgreSQL returns equal keys in any
# order (a pattern's diagram and a case's KPIs would change order between page loads).
EDITOR_ORDER = ["sort_order", "pk"]


class PortalPage(Page):
    """Abstract base of the portal's page types (except the home page's migration-made base)."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media (1200×630 works best)."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    def get_og_description(self) -> str:
        """The summary used for <meta name=description> and og:description."""
        return self.search_description or getattr(self, "intro", "") or ""

    def get_share_image(self):
        """The image shown when the page is shared: its social image, else its main image."""
        return self.social_image or getattr(self, "image", None)

    def get_sitemap_urls(self, request=None):
        """Like Wagtail's, but absolute to the host the sitemap was requested from."""
        urls = super().get_sitemap_urls(request)
        if request is not None:
            location = request.build_absolute_uri(self.get_url(request))
            for entry in urls:
                entry["location"] = location
        return urls


def channel_url(channel_id: int | None) -> str:
    """The public address of a community channel (`/ja/channels/<id>/`)."""
    if not channel_id:
        return ""
    return reverse("cocreation:channel_detail", args=[channel_id])


class ListingIndexPage(SectionIndexMixin, PortalPage):
    """The one index page of a section (/ja/cases/, /ja/events/, …): an introduction above the
    filtered listing of its child pages, which the subclass's `listing` builds from the query
    string (selectors in portal/cms, imported late: they import these models)."""

    intro = models.CharField(_("introduction"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def listing(self, params) -> dict:
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request.GET))
        return context
