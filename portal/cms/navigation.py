"""The site's sections live at fixed addresses (/ja/cases/ …), so links to them cost no query.

The index pages enforce their slug (see SectionIndexMixin); the demo seeder creates them with
these slugs.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SECTION_SLUGS = {
    "cases": "cases",
    "events": "events",
    "subsidies": "subsidies",
    "news": "news",
    "reports": "reports",
    "community": "community",
    "patterns": "patterns",
}

FIXED_SLUG = _("This section's address is fixed: its slug must be “%(slug)s”.")


def section_url(section: str, language: str | None = None) -> str:
    return f"/{language or get_language() or 'ja'}/{SECTION_SLUGS[section]}/"


class SectionIndexMixin:
    """For the one index page of a section: its slug is the section's fixed slug."""

    section: str = ""

    def clean(self):
        super().clean()
        expected = SECTION_SLUGS[self.section]
        if self.slug != expected:
            raise ValidationError({"slug": FIXED_SLUG % {"slug": expected}})
