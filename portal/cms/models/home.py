from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from portal.cms.models.base import PortalPage


class HomePage(PortalPage):
    """The portal's front page: the one root of the site tree."""

    lead = models.CharField(
        _("lead"),
        max_length=200,
        blank=True,
        help_text=_("One sentence under the site name, e.g. the portal's purpose."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("A short introduction shown on the home page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.CommunityPage",
        "cms.CaseStudyIndexPage",
        "cms.EventIndexPage",
        "cms.NewsIndexPage",
        "cms.SubsidyProgrammeIndexPage",
        "cms.ReportIndexPage",
        "cms.PatternIndexPage",
        "cms.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_og_description(self) -> str:
        return self.search_description or self.lead

    def get_context(self, request, *args, **kwargs):
        from portal.cms import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_sections())
        context["open_requests"] = selectors.home_open_support_requests(user=request.user)
        return context
