"""System checks: every registered kind has its templates; every kind folder is registered."""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from portal.notifications.kinds import KINDS

REQUIRED = ("subject.txt", "body.txt")


@checks.register()
def check_notification_kinds(app_configs=None, **kwargs):
    messages = []
    for name in KINDS:
        for template in REQUIRED:
            try:
                get_template(f"notifications/kinds/{name}/{template}")
            except TemplateDoesNotExist:
                messages.append(
                    checks.Error(
                        f"Notification kind {name!r} has no template {template}.",
                        id="notifications.E001",
                    )
                )
    kinds_dir = Path(settings.BASE_DIR) / "templates" / "notifications" / "kinds"
    folders = {p.name for p in kinds_dir.iterdir() if p.is_dir()} if kinds_dir.is_dir() else set()
    for name in sorted(folders - set(KINDS)):
        messages.append(
            checks.Warning(
                f"Notification templates for {name!r} exist but the kind is not registered.",
                hint="Register it in portal/notifications/kinds.py (label and email default).",
                id="notifications.W001",
            )
        )
    return messages
