"""Shared fixtures for tests that drive a real Chromium (Debian's package,
never a downloaded build) through Playwright against pytest-django's
live_server.

Without /usr/bin/chromium the browser tests skip and say why; with
TEATE_REQUIRE_BROWSER=1 (CI) a missing browser is a failure instead.
TEATE_CHROMIUM points at another binary.

A browser test module starts with

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

so the live server (another thread) sees the test's data. Such tests end
by emptying every table; `make_site()` puts back the root page, locale and
collection the migrations had made.
"""

import os
import pathlib
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django would
# otherwise refuse ORM calls made by the test (fixtures, assertions).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = pathlib.Path(os.environ.get("TEATE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def browser_unavailable(reason):
    if os.environ.get("TEATE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (TEATE_REQUIRE_BROWSER=1, so this is a failure)", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}. Install Debian's chromium to run them (make test runs them then).")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        browser_unavailable(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("the playwright package is not installed (pip install -e '.[dev]')")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def keep_local(route):
    """Nothing may call the internet: requests to other hosts are refused."""
    host = urlsplit(route.request.url).hostname
    if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab at a phone's viewport (390×844), Japanese locale, that may
    only reach the live server. Visit `live_server.url + path`."""
    context = browser.new_context(viewport=PHONE_VIEWPORT, locale="ja-JP", timezone_id="Asia/Tokyo")
    context.set_default_timeout(10_000)
    context.route("**/*", keep_local)
    tab = context.new_page()
    yield tab
    context.close()
