from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The public, read-only open-data API, bulk downloads and DCAT catalogue (CC BY 4.0).

    An orchestration app: it reads every domain app through their visibility QuerySets, and
    nothing imports it but the project wiring.
    """

    name = "portal.opendata"
    label = "opendata"
    verbose_name = _("Open data")
