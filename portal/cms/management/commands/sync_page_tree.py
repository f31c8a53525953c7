from django.core.management.base import BaseCommand

from portal.cms.translation import page_tree_sync


class Command(BaseCommand):
    help = (
        "Give every Japanese CMS page its copy in the other content languages (an alias, which "
        "shows the Japanese content until someone translates it). Idempotent: run it after "
        "migrating, after loading pages in code, or at any time."
    )

    def handle(self, *args, **options):
        created = page_tree_sync()
        self.stdout.write(f"Page aliases created: {created}")
