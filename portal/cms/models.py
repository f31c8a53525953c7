from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The portal's front page."""

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
    max_count = 1

    class Meta:
        verbose_name = _("home page")
