from django.core.management.base import BaseCommand

from portal.stages.reminders import stage_reminders_send


class Command(BaseCommand):
    help = (
        "Remind the officials and startup members of co-creations whose current stage passed "
        "its planned end. Idempotent: run it daily (e.g. 07:00 JST); each person hears once "
        "per stage deadline."
    )

    def handle(self, *args, **options):
        told = stage_reminders_send()
        self.stdout.write(f"Stage deadline reminders: {told}")
