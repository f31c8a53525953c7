from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from portal.core.page_cache import connect_invalidation
        from portal.core.text import install_form_field_guard

        install_form_field_guard()
        connect_invalidation()
