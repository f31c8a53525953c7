from django.core.management.base import BaseCommand

from portal.cms.models import SubsidyProgrammePage
from portal.cms.models.subsidies import SubsidyStatus
from portal.notifications.services import notify_subsidy_deadline


class Command(BaseCommand):
    help = (
        "Tell the followers of each category about subsidy programmes closing soon. "
        "Idempotent: run it daily (e.g. 07:00 JST); each follower hears once per deadline."
    )

    def handle(self, *args, **options):
        # The Japanese originals: a translated programme is the same deadline, told once.
        closing = (
            SubsidyProgrammePage.objects.live()
            .public()
            .originals()
            .with_status(SubsidyStatus.CLOSING_SOON)
        )
        told = 0
        for subsidy in closing:
            for category in subsidy.target_areas:
                told += len(
                    notify_subsidy_deadline(
                        subsidy_title=subsidy.title,
                        category=category,
                        url=subsidy.url,
                        deadline=subsidy.closes_on,
                    )
                )
        self.stdout.write(f"Subsidy deadline notifications: {told}")
