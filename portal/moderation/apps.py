from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    name = "portal.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        from portal.core.audit import audit_writer_register
        from portal.moderation import registry
        from portal.moderation.audit import audit_entry_create

        registry.register_builtin_kinds()
        audit_writer_register(audit_entry_create)
