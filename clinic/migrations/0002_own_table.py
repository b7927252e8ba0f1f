"""The settings table takes this app's name, and the content type moves
with it, so the row, its permissions and any group granted them survive."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="clinic", model="clinicsettings").exists():
        ContentType.objects.filter(app_label="home", model="clinicsettings").update(app_label="clinic")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="home", model="clinicsettings").exists():
        ContentType.objects.filter(app_label="clinic", model="clinicsettings").update(app_label="home")


class Migration(migrations.Migration):

    dependencies = [
        ("clinic", "0001_initial"),
        ("home", "0004_clinic_settings_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="clinicsettings", table=None),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
