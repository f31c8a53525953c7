from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.accounts import demo as accounts_demo
from portal.cms import demo as cms_demo
from portal.cocreation import demo as cocreation_demo
from portal.community import demo as community_demo
from portal.demo import dashboard as dashboard_demo
from portal.moderation import demo as moderation_demo
from portal.notifications import demo as notifications_demo
from portal.startups import demo as startups_demo
from portal.startups.proposals import demo as proposals_demo

# Each app contributes a seeder; later apps build on the objects earlier ones created.
SEEDERS = [
    accounts_demo.seed,
    community_demo.seed,
    dashboard_demo.seed,
    startups_demo.seed,
    proposals_demo.seed,
    cocreation_demo.seed,
    cms_demo.seed,
    notifications_demo.seed,
    moderation_demo.seed,
]


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and content (idempotent; development only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even when DEBUG is off (never in production)."
        )
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args, force=False, quiet_logins=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        with transaction.atomic():
            for seed in SEEDERS:
                seed(self.stdout)
        if not quiet_logins:
            self._print_logins()

    def _print_logins(self):
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo logins (password for all: {accounts_demo.DEMO_PASSWORD})")
        )
        for email, description in accounts_demo.LOGIN_TABLE:
            self.stdout.write(f"  {email:<26} {description}")
        self.stdout.write("  Open http://127.0.0.1:8000/ja/ (English: /en/). Admin: /admin/\n")
