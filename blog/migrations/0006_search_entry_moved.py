"""SearchEntry now lives in search/ (search 0001 takes over its state and
keeps its table). Nothing changes in the database here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("blog", "0005_search_gin_without_pending_list"),
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SearchEntry")],
            database_operations=[],
        ),
    ]
