"""The article's copy-link button in real Chromium, with and without JavaScript.

Self-contained on purpose: the shared browser fixtures are being written on
another branch (tests2); once merged, `chromium` can become theirs. The
async-safety switch is set only while this test runs, so it never leaks into
subprocesses other tests start (the production deploy check refuses it).
"""

import os
import pathlib
from urllib.parse import urlsplit

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
PAGE_URL = "http://localhost/blog/%E8%86%9D%E3%81%AE%E5%86%85%E5%81%B4/"  # on the site's root URL


@pytest.fixture
def chromium(monkeypatch):
    if not CHROMIUM.exists():
        if os.environ.get("TEATE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} not found and TEATE_REQUIRE_BROWSER=1", pytrace=False)
        pytest.skip(f"browser tests skipped: {CHROMIUM} not found")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def keep_local(route):
    if urlsplit(route.request.url).hostname in {"localhost", "127.0.0.1", "::1"}:
        route.continue_()
    else:
        route.abort()


def open_tab(chromium, live_server, path, javascript):
    context = chromium.new_context(viewport=PHONE, locale="ja-JP", java_script_enabled=javascript)
    context.route("**/*", keep_local)
    if javascript:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    tab = context.new_page()
    tab.goto(live_server.url + path)
    return tab


# One test for both cases: each transactional live-server test costs a full
# database flush and restore.
def test_copy_link_copies_with_javascript_and_shows_the_url_without(chromium, live_server, site_tree):
    article = make_article(site_tree[1], title="膝の内側が痛い原因", slug="膝の内側")

    tab = open_tab(chromium, live_server, article.url, javascript=True)
    url_field, copy_button = tab.locator("#share-url"), tab.get_by_role("button", name="リンクをコピー")
    assert copy_button.is_visible() and not url_field.is_visible()
    copy_button.click()
    tab.get_by_role("status").get_by_text("コピーしました").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == PAGE_URL
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    tab.context.close()

    tab = open_tab(chromium, live_server, article.url, javascript=False)
    assert tab.locator("#share-url").is_visible() and tab.locator("#share-url").input_value() == PAGE_URL
    assert not tab.get_by_role("button", name="リンクをコピー").is_visible()
    tab.context.close()
