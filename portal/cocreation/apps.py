from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "portal.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")
