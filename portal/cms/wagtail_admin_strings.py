"""Wagtail admin strings that Wagtail's own Japanese catalogue leaves in English.

A moderator's first screens (the dashboard's summary and search, the Help menu, the keyboard
shortcuts dialog, the no-JavaScript notice) showed 「41 Pages」「Search all pages…」「Help」 in the
Japanese admin. The portal's catalogue comes first in Django's lookup (LOCALE_PATHS), so listing
Wagtail's msgids here lets `make messages` extract them and `locale_parts/wagtail_admin.ja.po`
supply their Japanese. Nothing imports this module: it exists for extraction only, and each
msgid must stay byte-for-byte Wagtail's (tests/cms/test_wagtail_admin_japanese.py checks them
against Wagtail's templates and code as rendered).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

SINGULAR_STRINGS = [
    # Dashboard (wagtailadmin/home/*.html, views/home.py)
    gettext_noop("Search all pages…"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    # Help menu (wagtail/admin/wagtail_hooks.py)
    gettext_noop("Help"),
    gettext_noop("Editor Guide"),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("Shortcuts"),
    # Keyboard shortcuts dialog (shared/keyboard_shortcuts_dialog.html, wagtailadmin_tags.py)
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Section"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("account"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle sidebar"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste and match style"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Text formatting"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Strike-through"),
    # Every admin page without JavaScript (wagtailadmin/skeleton.html)
    gettext_noop(
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
]

PLURAL_STRINGS = [
    # The dashboard's site summary (wagtailadmin, wagtailimages, wagtaildocs homepage panels)
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
]
