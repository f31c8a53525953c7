"""Which copy of a CMS page a query returns: the reader's language, or the Japanese original.

With Wagtail's localisation every page exists once per content language: the Japanese original
(the default locale, where editors write) and, in the English tree, its translation or its alias
(a live mirror of the Japanese page, see WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE in settings). A
page query that ignores the locale therefore returns every page twice. Each query takes one of
two rules, and only these functions know how a locale is stored:

* `for_reading` — what a reader sees (listings, home, search, feeds, sitemap, related lists):
  one copy of each page, in the reading language. The English copy when it is live, else the
  Japanese page, so a tree that has not been synced yet still shows everything, and once.
* `originals` — facts and data (counts, open data, notifications, links that other apps store,
  moderation, terms): the Japanese pages only, so nothing is counted, exported or notified twice
  and every stored link points to the page the editors own, whatever copy the user clicked.

Both filter through a join on the locale row, so they add no query to a listing.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def default_language() -> str:
    """The language of the original pages (Wagtail's default locale)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def reading_language() -> str:
    """The content language of the active request language (the default outside a request)."""
    try:
        return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def originals(queryset):
    """`queryset` narrowed to the Japanese originals: one row per page, never a translation nor
    an alias (an English one, or one a moderator placed elsewhere in the Japanese tree: the same
    page at a second address, which a count or a dataset would list twice)."""
    return queryset.filter(locale__language_code=default_language(), alias_of__isnull=True)


def for_reading(queryset, language: str | None = None):
    """`queryset` narrowed to one copy per page in `language` (default: the reading language):
    the page in that language, or the original while no live copy exists in that language."""
    language = language or reading_language()
    default = default_language()
    if language == default:
        return originals(queryset)
    live_copy = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language, live=True
    )
    return queryset.alias(has_live_copy=Exists(live_copy)).filter(
        Q(locale__language_code=language) | Q(locale__language_code=default, has_live_copy=False)
    )


def original_of(page):
    """The Japanese original of `page` (`page` itself when it is one, or has none)."""
    if page is None:
        return None
    original = (
        originals(type(page).objects.filter(translation_key=page.translation_key))
        .exclude(pk=page.pk)
        .first()
    )
    return original or page


class LocalisedPageQuerySet:
    """QuerySet methods for the page types other apps read without importing the CMS (e.g. the
    subsidy choices of a support request's form): the same two rules."""

    def originals(self):
        return originals(self)

    def for_reading(self, language: str | None = None):
        return for_reading(self, language)


def page_copies(page, *, request=None) -> dict:
    """The live copies of `page` in every language (one query), for the language switch and
    hreflang: ``urls`` {language: address} of every copy, ``alternates`` [(language, address)]
    of the real translations (an alias repeats its original and is not one), ``canonical`` the
    original's address when `page` is an alias."""
    copies = list(
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    urls = {copy.locale.language_code: copy.get_url(request) for copy in copies}
    alternates = [
        (copy.locale.language_code, urls[copy.locale.language_code])
        for copy in copies
        if copy.alias_of_id is None
    ]
    by_pk = {copy.pk: urls[copy.locale.language_code] for copy in copies}
    canonical = by_pk.get(page.alias_of_id) or page.get_url(request)
    return {
        "urls": urls,
        "alternates": alternates if len(alternates) > 1 else [],
        "canonical": canonical,
    }
