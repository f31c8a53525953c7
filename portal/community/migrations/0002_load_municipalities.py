from django.db import migrations


def load(apps, schema_editor):
    from portal.community.master_data import load_municipalities

    load_municipalities(apps.get_model("community", "Prefecture"), apps.get_model("community", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
