"""A page's copies in the other languages: the language switch and <link rel="alternate">."""

from django import template

from portal.cms.locales import page_copies

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page):
    """{% page_languages page as languages %}: ``languages.urls`` maps each language to the
    address of the page's live copy in it (translation or alias), ``languages.alternates`` lists
    the real translations (hreflang) and ``languages.canonical`` is the original's address for
    an alias, the page's own otherwise. One query; nothing outside a Wagtail page."""
    if not hasattr(page, "translation_key"):
        return {"urls": {}, "alternates": [], "canonical": ""}
    if not hasattr(page, "_portal_languages"):  # the head and the header both ask
        page._portal_languages = page_copies(page, request=context.get("request"))
    return page._portal_languages
