from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from blog.models import BlogIndexPage
from home.models import HomePage
from tests.factories import make_site

FIXTURES = Path(__file__).parent / "fixtures"
UPLOADS = FIXTURES / "uploads"


def run_import(name="clinic.xml", *args, media=UPLOADS):
    """Run the command as a practitioner would; returns its output."""
    out = StringIO()
    options = ["--media", str(media)] if media else []
    call_command("import_wordpress", str(FIXTURES / name), *options, *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def imported_once(django_db_setup, django_db_blocker):
    """The clinic fixture imported once per test module, inside a transaction
    that is rolled back afterwards; each test still runs in its own savepoint,
    so what a test changes is undone before the next."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            make_site()
            yield run_import()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def imported(imported_once, db):
    return imported_once


@pytest.fixture
def site_tree(db):
    """The site the import went into, or a fresh one."""
    home = HomePage.objects.first()
    if home is not None:
        return home, BlogIndexPage.objects.first()
    return make_site()
