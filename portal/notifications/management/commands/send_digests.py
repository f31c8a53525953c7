from django.core.management.base import BaseCommand

from portal.notifications.digests import digest_day
from portal.notifications.tasks import digests_enqueue


class Command(BaseCommand):
    help = (
        "Queue today's daily notification digests (one email per user with pending items). "
        "Run once a day from the scheduler, e.g. cron `0 7 * * *` with CRON_TZ=Asia/Tokyo; "
        "running it again the same day sends nothing twice."
    )

    def handle(self, *args, **options):
        day = digest_day()
        queued = digests_enqueue(day=day)
        self.stdout.write(f"Queued {queued} digest(s) for {day.isoformat()}.")
