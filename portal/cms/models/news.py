from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.models.base import ListingIndexPage, PortalPage


class NewsIndexPage(RoutablePageMixin, ListingIndexPage):
    section = "news"
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def listing(self, params) -> dict:
        from portal.cms import selectors

        return selectors.news_listing(index=self, params=params)

    @path("feed/", name="feed")
    def feed(self, request):
        from portal.cms.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(PortalPage):
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    intro = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
