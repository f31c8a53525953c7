from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    name = "portal.sitesearch"
    verbose_name = _("Site-wide search")
