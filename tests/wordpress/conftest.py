from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"
UPLOADS = FIXTURES / "uploads"


def run_import(name="clinic.xml", *args, media=UPLOADS):
    """Run the command as a practitioner would; returns its output."""
    out = StringIO()
    options = ["--media", str(media)] if media else []
    call_command("import_wordpress", str(FIXTURES / name), *options, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(site_tree):
    """The clinic fixture imported once, with its uploads folder."""
    return run_import()
