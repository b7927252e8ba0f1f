"""Wagtail's own migrations store a few English names as data, and the editor
sees them: 「閲覧中: Root」 in the page explorer, the Root image collection,
the "Moderators approval" workflow. They get Japanese names once, on every
database (the demo loader did this for demo databases only)."""

from django.db import migrations

NAMES = {"Root": "ルート", "Moderators approval": "編集者の承認"}


def name_in_japanese(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page.objects.filter(depth=1, title="Root").update(title=NAMES["Root"], draft_title=NAMES["Root"])
    Collection.objects.filter(depth=1, name="Root").update(name=NAMES["Root"])
    Workflow.objects.filter(name="Moderators approval").update(name=NAMES["Moderators approval"])
    Task.objects.filter(name="Moderators approval").update(name=NAMES["Moderators approval"])


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(name_in_japanese, migrations.RunPython.noop)]
