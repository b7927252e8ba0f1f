"""The article's copy-link button in real Chromium, with and without JavaScript.

Self-contained on purpose: the shared browser fixtures are being written on
another branch; once merged, `share_tab` can become their phone-sized tab.
"""

import os
import pathlib
from urllib.parse import urlsplit

import pytest

from tests.factories import make_article, make_site

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop

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


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("TEATE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} not found and TEATE_REQUIRE_BROWSER=1", pytrace=False)
        pytest.skip(f"browser tests skipped: {CHROMIUM} not found")
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


@pytest.fixture(params=[True, False], ids=["with-js", "without-js"])
def share_tab(request, chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, locale="ja-JP", java_script_enabled=request.param
    )
    context.route("**/*", keep_local)
    if request.param:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    tab = context.new_page()
    tab.javascript = request.param
    yield tab
    context.close()


def test_copy_link_copies_the_url_with_js_and_shows_it_without(share_tab, live_server):
    # The site is built here rather than through the `blog` fixture: with the
    # `db` fixture in the closure, the serialized rollback after a live-server
    # test left the next test without its root page.
    _home, blog = make_site()
    article = make_article(blog, title="膝の内側が痛い原因", slug="膝の内側")
    share_tab.goto(live_server.url + article.url)

    url_field = share_tab.locator("#share-url")
    copy_button = share_tab.get_by_role("button", name="リンクをコピー")
    page_url = "http://localhost/blog/%E8%86%9D%E3%81%AE%E5%86%85%E5%81%B4/"
    assert url_field.input_value() == page_url

    if not share_tab.javascript:
        assert url_field.is_visible() and not copy_button.is_visible()
        return

    assert copy_button.is_visible() and not url_field.is_visible()
    copy_button.click()
    status = share_tab.get_by_role("status")
    status.get_by_text("コピーしました").wait_for()
    assert share_tab.evaluate("navigator.clipboard.readText()") == page_url
    assert share_tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
