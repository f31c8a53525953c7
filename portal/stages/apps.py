from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StagesConfig(AppConfig):
    name = "portal.stages"
    label = "stages"
    verbose_name = _("From PoC to procurement")

    def ready(self):
        # The tracker starts when a request enters co-creation, and the community app asks the
        # registered hooks who completes co-created requests and what a case study carries.
        from portal.stages import hooks, notifications  # noqa: F401
