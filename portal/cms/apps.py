from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CMSConfig(AppConfig):
    name = "portal.cms"
    label = "cms"
    verbose_name = _("CMS")

    def ready(self):
        from portal.accounts.terms import register_terms_provider
        from portal.cms import signals
        from portal.cms.models.trust import current_terms

        signals.connect()
        register_terms_provider(current_terms)
