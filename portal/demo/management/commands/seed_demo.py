import unicodedata

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from portal.accounts import demo as accounts_demo
from portal.cms import demo as cms_demo
from portal.cms.translation import page_tree_sync
from portal.cocreation import demo as cocreation_demo
from portal.community import demo as community_demo
from portal.community import demo_peers as community_peers_demo
from portal.core.mail import CountingEmailBackend
from portal.demo import dashboard as dashboard_demo
from portal.moderation import demo as moderation_demo
from portal.notifications import demo as notifications_demo
from portal.stages import demo as stages_demo
from portal.startups import demo as startups_demo
from portal.startups.proposals import demo as proposals_demo

COUNTING_BACKEND = "portal.core.mail.CountingEmailBackend"


def sync_page_tree(stdout):
    """Every demo page not translated by the CMS seed gets its English alias (idempotent)."""
    page_tree_sync()


# Each app contributes a seeder; later apps build on the objects earlier ones created.
SEEDERS = [
    accounts_demo.seed,
    community_demo.seed,
    community_peers_demo.seed,
    dashboard_demo.seed,
    startups_demo.seed,
    proposals_demo.seed,
    cocreation_demo.seed,
    stages_demo.seed,
    cms_demo.seed,
    sync_page_tree,
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
        CountingEmailBackend.reset()
        # The notifications the demo triggers are counted, not printed (see portal/core/mail.py).
        with override_settings(EMAIL_BACKEND=COUNTING_BACKEND), transaction.atomic():
            for seed in SEEDERS:
                seed(self.stdout)
        self.stdout.write(
            f"Demo emails: {CountingEmailBackend.sent} notification emails composed, none sent."
        )
        if not quiet_logins:
            self.stdout.write(self.style.SUCCESS(login_box(settings.PORTAL_BASE_URL)))


def login_box(base_url: str) -> str:
    """The demo logins and the portal's real address, framed so they stand out at the end."""
    base = base_url.rstrip("/")
    lines = [
        f"Demo logins (password for all: {accounts_demo.DEMO_PASSWORD})",
        "",
        *(f"  {email:<22} {description}" for email, description in accounts_demo.LOGIN_TABLE),
        "",
        f"Open {base}/ja/   English: {base}/en/   Admin: {base}/admin/",
    ]
    width = max(_display_width(line) for line in lines)
    rule = "+" + "-" * (width + 2) + "+"
    body = [f"| {line}{' ' * (width - _display_width(line))} |" for line in lines]
    return "\n".join(["", rule, *body, rule, ""])


def _display_width(text: str) -> int:
    """Columns in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
