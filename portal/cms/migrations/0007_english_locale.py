from django.db import migrations
from django.db.models import ProtectedError

MODERATORS = "Moderators"
ENGLISH = "en"


def add_english(apps, schema_editor):
    """The English locale, and the moderators' right to translate (simple_translation).

    Idempotent: an existing locale or permission is kept. The English page tree itself is made
    by `manage.py sync_page_tree` (aliases need Wagtail's real page models, not these
    historical ones).
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    Locale.objects.get_or_create(language_code=ENGLISH)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="simple_translation", model="simpletranslation"
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(permission)


def remove_english(apps, schema_editor):
    """Take the permission back; drop the locale only while no page or snippet uses it (pages
    protect their locale, and a rollback must not delete translated content)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )
    locale = Locale.objects.filter(language_code=ENGLISH).first()
    if locale is not None and not Page.objects.filter(locale=locale).exists():
        try:
            locale.delete()
        except ProtectedError:  # a translated snippet still uses it: keep the locale
            pass


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_trust_pages"),
        ("accounts", "0002_moderators_group"),
        ("simple_translation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_english, remove_english)]
