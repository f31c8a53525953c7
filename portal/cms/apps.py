from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CMSConfig(AppConfig):
    name = "portal.cms"
    label = "cms"
    verbose_name = _("CMS")

    def ready(self):
        from portal.cms import signals

        signals.connect()
