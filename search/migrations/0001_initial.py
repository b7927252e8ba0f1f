"""SearchEntry moves here from blog/ (blog 0003 created it, 0005 tuned its
index). State only: the table keeps its name, blog_searchentry, because the
PostgreSQL generated columns and GIN index, the SQLite FTS5 table and its
triggers, and the raw SQL in search/query.py all name it. Existing indexes
keep working with no rebuild."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="search", model="searchentry").exists():
        ContentType.objects.filter(app_label="blog", model="searchentry").update(app_label="search")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="blog", model="searchentry").exists():
        ContentType.objects.filter(app_label="search", model="searchentry").update(app_label="blog")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("blog", "0005_search_gin_without_pending_list"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="search_entry",
                                serialize=False,
                                to="blog.articlepage",
                            ),
                        ),
                        ("title", models.TextField()),
                        ("body", models.TextField()),
                    ],
                    options={"db_table": "blog_searchentry"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
