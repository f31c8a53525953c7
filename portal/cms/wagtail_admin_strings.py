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

# The screens a moderator works in next (the page explorer and its filters, the editor's side
# panels, status, schedule, preview and content checks, image and document listings and
# uploads, reports, page search, account settings, the portal's own console pages), collected by rendering them in Japanese and recording each Wagtail msgid that
# came back untranslated. Translations: locale_parts/wagtail_admin_screens.ja.po.
ADMIN_SCREENS = [
    gettext_noop("No other translations"),
    gettext_noop("Name and Email"),
    gettext_noop("Profile picture"),
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("admin theme"),
    gettext_noop("System default"),
    gettext_noop("Light"),
    gettext_noop("Dark"),
    gettext_noop("contrast"),
    gettext_noop("More contrast"),
    gettext_noop("density"),
    gettext_noop("Snug"),
    gettext_noop("Theme preferences"),
    gettext_noop(
        "Receive notification when comments have been created, resolved, or deleted on a page that you have subscribed to receive comment notifications on"
    ),
    gettext_noop("updated comments notifications"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("You have <span>unsaved edits</span>"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("New: %(model_name)s"),
    gettext_noop("Go to the first error"),
    gettext_noop("There are no results."),
    gettext_noop("Last published before"),
    gettext_noop("No pages found."),
    gettext_noop("App"),
    gettext_noop("Last edited page"),
    gettext_noop("Last edit"),
    gettext_noop("Date / Time"),
    gettext_noop("Search…"),
    gettext_noop("1 page selected"),
    gettext_noop("%(objects)s pages selected"),
    gettext_noop("All %(objects)s pages on this screen selected"),
    gettext_noop("All pages in listing selected"),
    gettext_noop("1 document selected"),
    gettext_noop("%(objects)s documents selected"),
    gettext_noop("All %(objects)s documents on this screen selected"),
    gettext_noop("All documents in listing selected"),
    gettext_noop("1 image selected"),
    gettext_noop("%(objects)s images selected"),
    gettext_noop("All %(objects)s images on this screen selected"),
    gettext_noop("All images in listing selected"),
    gettext_noop("1 user selected"),
    gettext_noop("%(objects)s users selected"),
    gettext_noop("All %(objects)s users on this screen selected"),
    gettext_noop("All users in listing selected"),
    gettext_noop("1 snippet selected"),
    gettext_noop("%(objects)s snippets selected"),
    gettext_noop("All %(objects)s snippets on this screen selected"),
    gettext_noop("All snippets in listing selected"),
    gettext_noop("1 item selected"),
    gettext_noop("%(objects)s items selected"),
    gettext_noop("All %(objects)s items on this screen selected"),
    gettext_noop("All items in listing selected"),
    gettext_noop("Aging pages"),
    gettext_noop("Page types usage"),
    gettext_noop("Close dialog"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Toggle section"),
    gettext_noop("Exploring"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Filter by"),
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Page type"),
    gettext_noop("Locale"),
    gettext_noop("Show filters"),
    gettext_noop("Side panels"),
    gettext_noop("Toggle side panel"),
    gettext_noop("Side panel width"),
    gettext_noop(
        "Pages created here will not be accessible at any URL. To add pages to an existing site, create them as children of the homepage."
    ),
    gettext_noop("Select row"),
    gettext_noop("Select all"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("0 minutes"),
    gettext_noop("Bulk actions"),
    gettext_noop("Unpublish selected pages"),
    gettext_noop("Toggle breadcrumbs"),
    gettext_noop("Toggle status"),
    gettext_noop("Visible to all. Visit the live page"),
    gettext_noop("Visible to all"),
    gettext_noop("Private. Visit the live page"),
    ngettext_lazy(
        "Referenced %(count)s time",
        "Referenced %(count)s times",
        "count",
    ),
    gettext_noop("Status: "),
    gettext_noop("View history"),
    gettext_noop("No publishing schedule set"),
    gettext_noop("Locale: "),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("Locking: "),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Page visibility: "),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Not visible to the public"),
    gettext_noop("Change privacy"),
    gettext_noop("Choose who can view the live version of this page"),
    gettext_noop("First published"),
    gettext_noop("Select all pages in listing"),
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("Heading 3"),
    gettext_noop("Heading 4"),
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    gettext_noop("Toggle preview"),
    gettext_noop("Toggle checks"),
    gettext_noop("Checks"),
    gettext_noop("Toggle comments"),
    gettext_noop("Minimap"),
    gettext_noop("Set schedule"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Preview in new tab"),
    gettext_noop("Loading"),
    gettext_noop("Preview is out of date"),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    gettext_noop("Show issue"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
    gettext_noop("Issues found"),
    gettext_noop("Button text is empty"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Empty heading found"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("Choose when this page should go live and/or expire"),
    gettext_noop("Anyone with editing permissions can create schedules"),
    gettext_noop("But only those with publishing permissions can make them effective."),
    gettext_noop("Save schedule"),
    gettext_noop("Set publishing schedule"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Is commenting action"),
    gettext_noop("Oldest"),
    gettext_noop("Title: (A -> Z)"),
    gettext_noop("Title: (Z -> A)"),
    gettext_noop("File size: (low to high)"),
    gettext_noop("File size: (high to low)"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Usage count"),
    gettext_noop("Minimum"),
    gettext_noop("Select all images in listing"),
    gettext_noop("Tag"),
    gettext_noop("Add to collection"),
    gettext_noop("Add tags to the selected images"),
    gettext_noop("Add selected images to collection"),
    gettext_noop("Delete selected images"),
    gettext_noop("Select all documents in listing"),
    gettext_noop("Add tags to the selected documents"),
    gettext_noop("Add selected documents to collection"),
    gettext_noop("Delete selected documents"),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    ngettext_lazy(
        "There is one matching page",
        "There are %(counter)s matching pages",
        "count",
    ),
]
