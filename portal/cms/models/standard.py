from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.models.base import PortalPage


class StandardPage(PortalPage):
    """A plain page (about, terms, a working group's sub-page)."""

    intro = models.CharField(
        _("introduction"), max_length=300, blank=True, help_text=_("One or two sentences.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = [
        "cms.HomePage",
        "cms.CommunityPage",
        "cms.CommunityGroupPage",
        "cms.StandardPage",
    ]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
