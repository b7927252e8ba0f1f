"""ClinicSettings now lives in clinic/ (clinic 0001 takes over its state,
clinic 0002 renames its table). Nothing changes in the database here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_disclaimer"),
        ("clinic", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ClinicSettings")],
            database_operations=[],
        ),
    ]
