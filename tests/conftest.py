import socket

import pytest
from django.core.cache import caches

from wagtail.models import Site

from clinic.models import ClinicSettings
from tests.browser import requirements as browser_requirements
from tests.factories import make_site

LOOPBACK = ("127.", "::1", "localhost")


def pytest_report_header():
    """Say at the top of every run whether the browser tests (tests/browser/) will run."""
    why = browser_requirements.missing()
    if not why:
        return f"browser tests: run in {browser_requirements.CHROMIUM} with {len(browser_requirements.japanese_fonts())} Japanese font files"
    if browser_requirements.required():
        return f"browser tests: {why}, and TEATE_REQUIRE_BROWSER=1: they will FAIL"
    return f"browser tests: SKIPPED, {why}"


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Fail any test that reaches beyond this machine: Teate renders
    everything, videos included, without the internet."""
    original_connect = socket.socket.connect

    def guarded_connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith(LOOPBACK) or sock.family == socket.AF_UNIX):
            return original_connect(sock, address)
        raise RuntimeError(f"テストがネットワークに接続しようとしました: {address!r}")

    socket.socket.connect = guarded_connect
    yield
    socket.socket.connect = original_connect


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no page cached: the database is rolled back
    between tests, the cache is not (it may be the shared Redis server)."""
    from serving import tags, tokens  # imported once Django's settings are loaded

    tokens.purge([tags.SITE])
    caches["renditions"].clear()  # the same ids and test pictures come back in the next test


@pytest.fixture
def page_cache_off(settings):
    """Every page rendered: what the caches behind a rendering keep is then
    what the test reads (tests/serving/test_fragments.py, tests/serving/test_pieces.py)."""
    settings.SERVING_PAGE_CACHE = False


@pytest.fixture
def site_tree(db):
    """(home, blog) pages with the default site pointing at home."""
    return make_site()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def blog(site_tree):
    return site_tree[1]


@pytest.fixture
def clinic(site_tree):
    """The clinic's settings, filled in as the demo's clinic would be.
    (Logged-in admin requests use pytest-django's `admin_client`.)"""
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.clinic_name = "てあて整体院"
    settings.postal_code = "251-0052"
    settings.address = "神奈川県藤沢市藤沢1-2-3"
    settings.phone = "0466-00-0000"
    settings.opening_hours = "月〜金 9:00〜20:00\n土 9:00〜17:00\n日・祝 休み"
    settings.booking_url = "https://example.com/booking"
    settings.line_url = "https://line.me/R/ti/p/@teate"
    settings.cta_heading = "ひとりで悩まずご相談ください"
    settings.save()
    return settings
