import os
import socket

import pytest

from tests.factories import make_site

LOOPBACK = ("127.", "::1", "localhost")


def pytest_report_header():
    """Say at the top of every run whether the browser tests (tests/browser/) will run."""
    if os.path.exists("/usr/bin/chromium"):
        return "browser tests: run in /usr/bin/chromium"
    if os.environ.get("TEATE_REQUIRE_BROWSER") == "1":
        return "browser tests: /usr/bin/chromium not found, and TEATE_REQUIRE_BROWSER=1: they will FAIL"
    return "browser tests: SKIPPED, /usr/bin/chromium not found (install Debian's chromium to run them)"


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
    from serving.cache import purge

    purge(["site"])


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
def editor(client, django_user_model):
    """A client logged in to the Wagtail admin as a superuser."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client
