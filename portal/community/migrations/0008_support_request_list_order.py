"""An index in the request list's default order, on PostgreSQL.

The list orders by ``published_at DESC NULLS LAST, id DESC`` and shows 20 rows. With an index in
exactly that order PostgreSQL reads the first rows in index order and stops; the existing
``(state, visibility, -published_at)`` index is DESC NULLS FIRST and does not serve this ORDER
BY, so every visible request was sorted on each page view (what made /ja/requests/ grow with
the data). SQLite cannot declare NULLS LAST in an index (and sorts small tables quickly), so the
index exists on PostgreSQL only.
"""

from django.db import migrations

INDEX = "support_request_list_order"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON community_supportrequest "
            "(published_at DESC NULLS LAST, id DESC)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("community", "0007_moderation_hidden")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
