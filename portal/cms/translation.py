"""Writes that keep the English page tree in step with the Japanese one (Wagtail's aliases).

With WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE, Wagtail aliases a page into the other locales when
an editor creates it in the admin. Pages made in code (migrations, the demo seed, services that
draft a case study or a pattern, tests) are not aliased by Wagtail; these functions are:
`page_tree_sync` for everything that exists (`manage.py sync_page_tree`, the demo seed), and
`page_aliases_create` when such a page is first published (portal/cms/signals.py).
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site


def _other_locales(page):
    return Locale.objects.exclude(pk=page.locale_id)


@transaction.atomic
def page_aliases_create(*, page) -> list:
    """Aliases of `page` in each other locale whose tree already holds its parent (a tree that
    was never synced stays untouched); none where a copy exists. Returns the new aliases."""
    parent = page.get_parent()
    if parent is None or parent.is_root():
        return []
    created = []
    for locale in _other_locales(page):
        if page.has_translation(locale) or not parent.has_translation(locale):
            continue
        created.append(page.copy_for_translation(locale, alias=True))
    return created


@transaction.atomic
def page_tree_sync() -> int:
    """Give every page of the default locale a copy (an alias) in each other locale, parents
    first; idempotent (a page that has a translation or alias keeps it). Returns how many
    aliases were created."""
    default = Locale.get_default()
    created = 0
    pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific()
    for locale in Locale.objects.exclude(pk=default.pk):
        for page in pages:
            if not page.has_translation(locale):
                page.copy_for_translation(locale, copy_parents=True, alias=True)
                created += 1
    if created:
        # New locale roots (the English home) change how Wagtail routes /en/.
        Site.clear_site_root_paths_cache()
    return created
