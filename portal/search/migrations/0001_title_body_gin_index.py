"""A GIN index on (title || body) of Wagtail's search index table, on PostgreSQL.

The database backend matches ``(title || body) @@ query`` (see modelsearch's
PostgresSearchQueryCompiler.get_index_vectors) but only title and body are indexed separately,
so every search read the whole table. This expression index lets PostgreSQL find the matching
rows directly. Other databases need nothing.
"""

from django.db import migrations

INDEX = "portal_search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
