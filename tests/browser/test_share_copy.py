"""The article's copy-link button in real Chromium, with and without JavaScript."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE_URL = "http://localhost/blog/%E8%86%9D%E3%81%AE%E5%86%85%E5%81%B4/"  # on the site's root URL


# One test for both cases: each transactional live-server test costs a full
# database flush and restore.
def test_copy_link_copies_with_javascript_and_shows_the_url_without(
    offline_page, offline_page_without_js, live_server, site_tree
):
    article = make_article(site_tree[1], title="膝の内側が痛い原因", slug="膝の内側")

    offline_page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    tab = offline_page.page
    tab.goto(live_server.url + article.url)
    url_field, copy_button = tab.locator("#share-url"), tab.get_by_role("button", name="リンクをコピー")
    assert copy_button.is_visible() and not url_field.is_visible()
    copy_button.click()
    tab.get_by_role("status").get_by_text("コピーしました").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == PAGE_URL
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    tab = offline_page_without_js.page
    tab.goto(live_server.url + article.url)
    assert tab.locator("#share-url").is_visible() and tab.locator("#share-url").input_value() == PAGE_URL
    assert not tab.get_by_role("button", name="リンクをコピー").is_visible()
