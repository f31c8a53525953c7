"""The pages a public-sector portal must have: terms of use, privacy policy, contact, operator.

Each lives at a fixed address (/ja/terms/ …) so that every footer links to it without a query;
moderators edit the text in the CMS. The terms page carries a version: publishing a new version
makes every user accept it again at their next sign-in (portal.accounts.terms).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.cms.blocks import BaseStreamBlock
from portal.cms.models.base import PortalPage
from portal.cms.navigation import SectionIndexMixin


class TrustPage(SectionIndexMixin, PortalPage):
    """Shared fields: a lead, the text, and the date it last changed in substance."""

    intro = models.CharField(
        _("introduction"), max_length=400, blank=True, help_text=_("One or two sentences.")
    )
    last_revised_on = models.DateField(
        _("last revised on"),
        null=True,
        blank=True,
        help_text=_("Shown under the title; change it when the content changes in substance."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("last_revised_on"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "cms/trust_page.html"


class TermsPage(TrustPage):
    section = "terms"

    version = models.CharField(
        pgettext_lazy("terms of use", "version"),
        max_length=40,
        help_text=_(
            "e.g. 2026-04-01. Changing it asks every user to accept the terms again at their "
            "next sign-in; fix typos without changing it."
        ),
    )

    content_panels = [*TrustPage.content_panels[:3], FieldPanel("version"), FieldPanel("body")]

    class Meta:
        verbose_name = _("terms of use")
        verbose_name_plural = _("terms of use")


class PrivacyPolicyPage(TrustPage):
    section = "privacy"

    class Meta:
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policies")


class ContactPage(TrustPage):
    section = "contact"

    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown as a link; answered by the operator.")
    )

    content_panels = [*TrustPage.content_panels, FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")


class OperatorPage(TrustPage):
    section = "operator"

    class Meta:
        verbose_name = _("operator information")
        verbose_name_plural = _("operator information pages")


def published_terms_version() -> str:
    """The version of the live terms page, or "" when none is published. The Japanese original's
    (`locales.originals`): a translation cannot ask users to accept the terms again."""
    from portal.cms.locales import originals

    page = originals(TermsPage.objects.live()).only("version").first()
    return page.version if page else ""


def current_terms():
    """What portal.accounts asks users to accept (registered in CMSConfig.ready)."""
    from portal.accounts.terms import CurrentTerms
    from portal.cms.navigation import section_url

    version = published_terms_version()
    if not version:
        return None
    return CurrentTerms(
        version=version, terms_url=section_url("terms"), privacy_url=section_url("privacy")
    )
