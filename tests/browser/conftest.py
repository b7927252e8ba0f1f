"""Real Chromium for the browser tests, kept off the internet.

Every request the page makes is recorded; only loopback ones are let
through, so a test can assert what *would* have left the machine.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser import requirements
from tests.browser.requirements import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}



# Module scope, not session: the environment variable below must be gone
# before pytest-django runs its database-free tests, which come last.
@pytest.fixture(scope="module")
def chromium(django_db_setup):
    message = requirements.missing()  # Chromium, and the Japanese fonts it draws with
    if message:
        if requirements.required():
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    test_connections = {alias: connections[alias] for alias in connections}
    # Playwright's sync API runs an event loop in this thread; the tests' own
    # ORM calls are still synchronous and safe. Set only while Chromium is up
    # (not at import): subprocesses inherit it, and Django's deploy check
    # refuses it (tests/site_project/test_production.py).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        # Starting Playwright switches greenlets, which leaves this thread in a
        # new context, and Django keeps connections in context variables: put
        # back the test database's own, which carry what serialized_rollback restores.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OfflinePage:
    """A browser tab whose requests beyond this machine are recorded and aborted."""

    def __init__(self, context):
        self.context = context
        self.outside_requests = []  # (url, resource_type)
        context.route("**/*", self._route)
        self.page = context.new_page()

    def _route(self, route):
        request = route.request
        if urlsplit(request.url).hostname in LOOPBACK_HOSTS or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside_requests.append((request.url, request.resource_type))
            route.abort()


@pytest.fixture
def offline_page(chromium, live_server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP")
    tab = OfflinePage(context)
    yield tab
    context.close()


@pytest.fixture
def offline_page_without_js(chromium, live_server):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = OfflinePage(context)
    yield tab
    context.close()


# Init scripts run as the browser's own, outside the page's policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def violations(tab, console):
    recorded = tab.page.evaluate("window.__cspViolations")
    return recorded + [text for text in console if "Content Security Policy" in text]


@pytest.fixture
def watched(offline_page):
    """(tab, console): a tab that records every Content-Security-Policy violation."""
    offline_page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    offline_page.page.on("console", lambda message: console.append(message.text))
    return offline_page, console
