"""The demo's theme-block pages in real Chromium, on a phone and a desktop,
light and dark: the balloon dialogue, 料金 (a price table, buttons to book)
and よくある質問. No accessibility violations (axe-core), nothing wider
than the screen, a table that scrolls inside its own labelled region, a
toggle that opens with no JavaScript."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import OfflinePage
from tests.browser.test_readers import axe_violations, mid_phrase_breaks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BALLOON_ARTICLE = "/blog/kaiwa-de-wakaru-koshi-no-omosa/"
PAGES = [BALLOON_ARTICLE, "/price/", "/faq/"]


@pytest.fixture
def demo(live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_theme_block_pages_have_no_axe_violations_and_fit_the_screen(chromium, live_server, demo, color_scheme):
    for width in (390, 1366):
        context = chromium.new_context(viewport={"width": width, "height": 844}, bypass_csp=True, locale="ja-JP")
        tab = OfflinePage(context)
        page = tab.page
        page.emulate_media(color_scheme=color_scheme)
        try:
            for path in PAGES:
                page.goto(live_server.url + path)
                assert axe_violations(page) == [], f"{path} at {width}px ({color_scheme})"
                overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, f"{path} is wider than the screen at {width}px"
            assert tab.outside_requests == []
        finally:
            context.close()


def test_dark_mode_changes_the_blocks_colours(chromium, live_server, demo):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/faq/")
        selector = ".block-faq__item"
        light = page.locator(selector).first.evaluate("el => getComputedStyle(el).backgroundColor")
        page.emulate_media(color_scheme="dark")
        dark = page.locator(selector).first.evaluate("el => getComputedStyle(el).backgroundColor")
        assert light != dark
    finally:
        context.close()


def test_the_price_table_scrolls_sideways_in_a_labelled_focusable_region_on_a_phone(offline_page, live_server, demo):
    page = offline_page.page
    page.goto(live_server.url + BALLOON_ARTICLE)  # its four-column comparison table

    region = page.get_by_role("region", name="温めるときと冷やすときの目安")
    assert region.get_attribute("tabindex") == "0"
    sizes = region.evaluate("el => ({scroll: el.scrollWidth, client: el.clientWidth, page: innerWidth})")
    assert sizes["client"] <= sizes["page"]
    if sizes["scroll"] > sizes["client"]:  # wider than the phone: the reader scrolls it with the keyboard
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        assert region.evaluate("el => el.scrollLeft") > 0


def test_a_toggle_is_closed_and_opens_without_javascript(offline_page_without_js, live_server, demo):
    page = offline_page_without_js.page
    page.goto(live_server.url + "/faq/")
    body = page.locator(".block-toggle__body")

    assert not body.is_visible()
    page.locator(".block-toggle__summary").click()
    assert body.is_visible()


def test_balloons_sit_left_and_right_of_their_speakers(offline_page, live_server, demo):
    page = offline_page.page
    page.goto(live_server.url + BALLOON_ARTICLE)

    for side in ("left", "right"):
        balloon = page.locator(f".block-balloon--{side}").first
        face = balloon.locator(".block-balloon__speaker").bounding_box()
        text = balloon.locator(".block-balloon__text").bounding_box()
        assert (face["x"] < text["x"]) == (side == "left")


def test_theme_block_titles_break_only_between_phrases_on_a_phone(offline_page, live_server, demo):
    page = offline_page.page
    for path in PAGES:
        page.goto(live_server.url + path)
        assert mid_phrase_breaks(page) == [], path


def test_toggles_print_open(chromium, live_server, demo):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/faq/")
        page.emulate_media(media="print")
        assert page.locator(".block-toggle__body").evaluate("el => el.getBoundingClientRect().height") > 0
    finally:
        context.close()
