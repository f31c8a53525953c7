"""Working-group and summit reports, each a document served through Wagtail's checked view."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.models.base import ListingIndexPage, PortalPage


class ReportIndexPage(ListingIndexPage):
    section = "reports"
    subpage_types = ["cms.ReportPage"]

    class Meta:
        verbose_name = _("report index")

    def listing(self, params) -> dict:
        from portal.cms import selectors

        return selectors.report_listing(index=self, params=params)


class ReportPage(PortalPage):
    date = models.DateField(_("publication date"), default=timezone.localdate, db_index=True)
    intro = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report itself, usually a PDF."),
    )
    group = models.ForeignKey(
        "cms.CommunityGroupPage",
        verbose_name=_("working group or task force"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("document"),
        PageChooserPanel("group", "cms.CommunityGroupPage"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["cms.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def clean(self):
        super().clean()
        if not self.document_id:
            raise ValidationError({"document": _("Attach the report document.")})
