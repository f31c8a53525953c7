from django.db import migrations

HOME_TITLE = "地域DX共創ポータル"
HOME_LEAD = "自治体のCDO・CIOとスタートアップが、地域の課題をともに解決し、その成果を全国へ横展開するための場です。"


def create_home_page(apps, schema_editor):
    """Replace Wagtail's welcome page with the portal's home page and point the site at it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    Locale = apps.get_model("wagtailcore", "Locale")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    locale = Locale.objects.first()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    path = f"{root.path}{(root.numchild + 1):04d}"
    # Find a free path: the deleted welcome page may have used 0001.
    while Page.objects.filter(path=path).exists():
        path = f"{root.path}{int(path[-4:]) + 1:04d}"
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        lead=HOME_LEAD,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": HOME_TITLE, "root_page": home},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
