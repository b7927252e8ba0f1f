"""Databases made before clinic/ and search/ became apps (issue 8) migrate
forward with nothing lost. The state-only moves are undone and redone on a
database holding a clinic's settings, a search index and a group granted
the settings permission. (.ci/upgrade-from-old-main does the same with the
old code itself, demo content included.)"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from clinic.models import ClinicSettings
from search.models import SearchEntry
from search.query import search_articles
from tests.factories import make_article, make_site

OLD_LAYOUT = [("home", "0003_disclaimer"), ("blog", "0005_search_gin_without_pending_list")]


def tables():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


# serialized_rollback: the tests after this one find the content types as migrations made them
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_of_the_old_layout_migrates_forward_with_its_data():
    home, blog = make_site()
    clinic = ClinicSettings.for_site(home.get_site())
    clinic.clinic_name = "てあて整体院"
    clinic.save()
    article = make_article(blog, title="膝の内側が痛むとき")
    group = Group.objects.create(name="受付")
    group.permissions.add(Permission.objects.get(codename="change_clinicsettings"))

    call_command("migrate", "clinic", "zero", verbosity=0)
    call_command("migrate", "search", "zero", verbosity=0)
    assert "home_clinicsettings" in tables() and "clinic_clinicsettings" not in tables()
    assert ContentType.objects.filter(app_label="home", model="clinicsettings").exists()
    assert ContentType.objects.filter(app_label="blog", model="searchentry").exists()

    call_command("migrate", verbosity=0)

    assert "clinic_clinicsettings" in tables() and "home_clinicsettings" not in tables()
    assert ClinicSettings.objects.get().clinic_name == "てあて整体院"
    assert SearchEntry.objects.filter(page_id=article.pk).exists()
    assert [article.pk] == [hit.article.pk for hit in search_articles("膝")[:]]  # the old index answers, unrebuilt
    assert group.permissions.get().content_type.app_label == "clinic"
    assert not ContentType.objects.filter(app_label="home", model="clinicsettings").exists()


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """makemigrations --check: no model change is left without its migration
    (and no migration names one machine's folder, which would show as a change
    on every other checkout)."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
