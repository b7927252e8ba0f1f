"""load_demo on a database that already has an owner's data: it only adds
what is missing (demo/loader.py)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from blog.models import ArticlePage
from blog.snippets import Category

pytestmark = pytest.mark.django_db


def test_load_demo_on_a_fresh_database_creates_and_prints_the_demo_login():
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert ADMIN_USERNAME in out.getvalue() and ADMIN_PASSWORD in out.getvalue()
    assert get_user_model().objects.get(username=ADMIN_USERNAME).check_password(ADMIN_PASSWORD)


def test_load_demo_never_adds_the_public_demo_login_beside_an_owners_superuser(django_user_model):
    django_user_model.objects.create_superuser("owner", "owner@example.jp", "owners-password")
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert not django_user_model.objects.filter(username=ADMIN_USERNAME).exists()
    assert ADMIN_PASSWORD not in out.getvalue()


def test_load_demo_files_its_articles_under_the_owners_category_of_the_same_name():
    owners = Category.objects.create(name="膝の痛み", slug="hiza", description="院の説明")

    call_command("load_demo", stdout=io.StringIO())

    assert Category.objects.filter(name="膝の痛み").count() == 1
    owners.refresh_from_db()
    assert owners.slug == "hiza" and owners.description == "院の説明"
    assert ArticlePage.objects.filter(article_categories__category=owners).exists()
