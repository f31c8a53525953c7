from django import template
from django.utils.translation import gettext_lazy as _

from portal.cms.navigation import section_url

register = template.Library()

NAV_SECTIONS = [
    ("cases", _("Advanced cases")),
    ("events", _("Events")),
    ("subsidies", _("Subsidies")),
    ("news", _("News")),
    ("community", _("Community")),
]


@register.inclusion_tag("cms/includes/nav_links.html", takes_context=True)
def cms_nav_links(context):
    """The CMS sections for the main navigation (no database query)."""
    request = context.get("request")
    path = request.path if request else ""
    links = []
    for section, label in NAV_SECTIONS:
        url = section_url(section)
        links.append({"url": url, "label": label, "current": path.startswith(url)})
    return {"links": links}


@register.simple_tag
def cms_section_url(section):
    return section_url(section)
