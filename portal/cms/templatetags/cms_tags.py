from django import template
from django.utils.translation import gettext_lazy as _

from portal.cms.navigation import section_url

register = template.Library()

# (section, label, group): "primary" sections sit in the header bar, the others under "More".
NAV_SECTIONS = [
    ("cases", _("Advanced cases"), "primary"),
    ("events", _("Events"), "primary"),
    ("patterns", _("Standard patterns"), "more"),
    ("subsidies", _("Subsidies"), "more"),
    ("news", _("News"), "more"),
    ("community", _("Community"), "more"),
]


@register.inclusion_tag("cms/includes/nav_links.html", takes_context=True)
def cms_nav_links(context, group="primary"):
    """One group of CMS sections for the main navigation (no database query)."""
    request = context.get("request")
    path = request.path if request else ""
    links = []
    for section, label, section_group in NAV_SECTIONS:
        if section_group != group:
            continue
        url = section_url(section)
        links.append({"url": url, "label": label, "current": path.startswith(url)})
    return {"links": links}


@register.simple_tag
def cms_section_url(section):
    return section_url(section)
