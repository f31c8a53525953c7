from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupsConfig(AppConfig):
    name = "portal.startups"
    label = "startups"
    verbose_name = _("Startups")

    def ready(self):
        from portal.community.signals import support_request_published
        from portal.startups.alerts import alerts_enqueue_for_published

        support_request_published.connect(
            alerts_enqueue_for_published, dispatch_uid="startups_alerts_on_publish"
        )
