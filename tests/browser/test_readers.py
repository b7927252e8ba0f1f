"""The demo as a reader on a phone sees it, in real Chromium: headings that
break only between phrases, a booking bar that works, no accessibility
violations (axe-core), and a quiet console with no network."""

import re
from pathlib import Path

import axe_playwright_python
import pytest
from django.core.management import call_command

from blog.models import ArticlePage
from disclosure.transmissions import articles_with_video
from tests.browser.conftest import OfflinePage
from tests.factories import make_article, video_block
from typography.phrases import split

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# axe-core as shipped by the axe-playwright-python package: no network at test time.
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
PUNCTUATION = set("、。・，．！？!?)）」』】〕〉》")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Where each visible line of an element starts, as offsets into its text.
LINE_STARTS = """(el) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = "", starts = [], lineTop = null;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && rect.width > 0) {
        if (lineTop !== null && rect.top > lineTop + rect.height / 2) starts.push(text.length);
        if (lineTop === null || rect.top > lineTop + rect.height / 2) lineTop = rect.top;
      }
      text += node.data[i];
    }
  }
  return {text, starts, width: el.parentElement.getBoundingClientRect().width};
}"""


@pytest.fixture
def demo(live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return articles_with_video().order_by("path").first()


def mid_phrase_breaks(page):
    """[(text, the line's first characters)] for every .phrases line that starts inside a phrase."""
    bad = []
    for span in page.locator(".phrases").all():
        if not span.is_visible():
            continue
        measured = span.evaluate(LINE_STARTS)
        boundaries, offset = set(), 0
        for phrase in split(measured["text"]):
            offset += len(phrase)
            boundaries.add(offset)
        for start in measured["starts"]:
            # Breaking after punctuation or a space is allowed: the next word starts there.
            after_punctuation = measured["text"][start - 1] in PUNCTUATION or measured["text"][start - 1].isspace()
            if start not in boundaries and not after_punctuation:
                bad.append((measured["text"], measured["text"][start : start + 4]))
    return bad


def test_demo_headings_break_only_between_phrases_on_a_phone(offline_page, live_server, demo):
    page = offline_page.page
    checked = 0
    for path in ["/", "/blog/category/knee/", demo.url, "/search/?q=膝", "/blog/no-such-page/"]:
        page.goto(live_server.url + path)
        checked += page.locator(".phrases").count()

        assert mid_phrase_breaks(page) == [], path
    assert checked > 50  # titles, headings, captions and buttons were all measured


def test_demo_wraps_long_headings_somewhere(offline_page, live_server, demo):
    """The check above must be able to fail: the demo's article title does wrap at 390 px."""
    page = offline_page.page
    page.goto(live_server.url + demo.url)

    measured = page.locator(".article__title .phrases").evaluate(LINE_STARTS)

    assert measured["starts"], "the title fits on one line: the line-break test measured nothing"


def axe_violations(page):
    page.evaluate(AXE_JS)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_demo_pages_have_no_axe_violations(chromium, live_server, demo, color_scheme):
    pages = ["/", demo.url, "/blog/category/knee/", "/search/?q=膝", "/blog/no-such-page/"]
    for width in (390, 1366):
        context = chromium.new_context(
            viewport={"width": width, "height": 844}, bypass_csp=True, color_scheme=color_scheme
        )
        page = OfflinePage(context).page
        try:
            for path in pages:
                page.goto(live_server.url + path)
                assert axe_violations(page) == [], f"{path} at {width}px ({color_scheme})"
        finally:
            context.close()


def test_no_console_errors_offline_on_the_demo(offline_page, live_server, demo):
    page = offline_page.page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    for path in ["/", demo.url, "/blog/category/knee/", "/search/?q=膝"]:
        page.goto(live_server.url + path, wait_until="networkidle")
        page.mouse.wheel(0, 20000)  # lazy images below the fold load too
        page.wait_for_timeout(200)

    assert errors == []
    assert offline_page.outside_requests == []


def test_a_youtube_thumbnail_that_cannot_load_falls_back_to_a_local_picture(offline_page, live_server, site_tree):
    article = make_article(site_tree[1], title="動画で見るストレッチ", body=[video_block()])
    page = offline_page.page
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + article.url)
    thumb = page.locator(".video-facade__thumb")
    thumb.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=thumb.element_handle())

    assert thumb.get_attribute("src").endswith("/static/img/video-placeholder.svg")
    assert errors == []


@pytest.fixture
def clinic_article(clinic, site_tree):
    """An article on a site whose clinic set a phone number, LINE and web booking (tests/conftest.py)."""
    return make_article(site_tree[1], title="膝の内側が痛くて歩けない原因", body=[video_block()])


BAR = ".booking-bar__list"


def test_booking_bar_stays_on_screen_and_never_hides_the_end_of_the_page(offline_page, live_server, clinic_article):
    page = offline_page.page
    page.goto(live_server.url + clinic_article.url)
    bar = page.locator(BAR)

    assert bar.is_visible()
    labels = [link.evaluate("a => a.firstChild.textContent") for link in page.locator(".booking-bar__link").all()]
    assert labels == ["電話", "LINE", "WEB予約"]
    top_at_start = bar.bounding_box()["y"]
    assert top_at_start + bar.bounding_box()["height"] == pytest.approx(844, abs=1)

    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(100)
    assert bar.bounding_box()["y"] == pytest.approx(top_at_start, abs=1)  # fixed while scrolling

    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    copyright_box = page.locator(".site-footer__copy").bounding_box()
    assert copyright_box["y"] + copyright_box["height"] <= bar.bounding_box()["y"] + 1


def test_keyboard_focus_on_share_links_and_video_is_never_under_the_bar(offline_page, live_server, clinic_article):
    page = offline_page.page
    page.goto(live_server.url + clinic_article.url)
    bar_top = page.locator(BAR).bounding_box()["y"]

    for selector in (".video-facade__link", ".share__link--line", ".share__link--hatena"):
        page.evaluate("window.scrollTo(0, 0)")
        page.locator(selector).first.focus()
        box = page.locator(selector).first.bounding_box()
        assert box["y"] + box["height"] <= bar_top + 1, selector


def test_booking_bar_is_a_labelled_landmark_reachable_by_keyboard(offline_page, live_server, clinic_article):
    page = offline_page.page
    page.goto(live_server.url + clinic_article.url)

    nav = page.get_by_role("navigation", name="予約・お問い合わせ")
    assert nav.get_by_role("link", name=re.compile(r"^電話\s*（0466-00-0000）$")).get_attribute("href") == "tel:0466000000"
    assert nav.get_by_role("link", name=re.compile(r"^LINE\s*で相談する$")).is_visible()
    page.locator(".site-footer a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.booking-bar') !== null")


def test_booking_bar_is_hidden_on_desktops_and_in_print(chromium, live_server, clinic_article):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + clinic_article.url)
        assert not page.locator(BAR).is_visible()
        page.set_viewport_size({"width": 390, "height": 844})
        assert page.locator(BAR).is_visible()
        page.emulate_media(media="print")
        assert not page.locator(BAR).is_visible()
    finally:
        context.close()


def test_a_wrapped_toc_entry_keeps_its_bullet_on_its_first_line(offline_page, live_server, site_tree):
    from tests.factories import block

    long_h3 = "太ももの内側からひざの内側にかけての筋肉が硬くなっているときに見直したいこと"
    body = [
        block("heading", {"level": "h2", "text": "原因", "anchor": "cause"}),
        block("heading", {"level": "h3", "text": long_h3, "anchor": "long"}),
        block("heading", {"level": "h2", "text": "ケア", "anchor": "care"}),
        block("heading", {"level": "h2", "text": "まとめ", "anchor": "summary"}),
    ]
    article = make_article(site_tree[1], body=body)
    page = offline_page.page
    page.goto(live_server.url + article.url)

    lines = page.locator('.toc__sublist a[href="#long"]').evaluate(
        "a => ({rects: a.getClientRects().length, top: a.getClientRects()[0].top, li: a.parentElement.getBoundingClientRect().top})"
    )

    assert lines["rects"] > 1  # it wraps, as inline text, so the list marker sits by its first line
    assert abs(lines["top"] - lines["li"]) < 8


def test_lists_on_a_phone_are_compact_rows_with_the_picture_beside_the_title(offline_page, live_server, site_tree):
    from tests.factories import CategoryFactory, ImageFactory

    knee = CategoryFactory(slug="knee")
    for n in range(5):
        make_article(site_tree[1], title=f"膝の記事{n}", slug=f"knee-{n}", categories=[knee], hero_image=ImageFactory())
    page = offline_page.page
    page.goto(live_server.url + "/blog/category/knee/")

    for card in page.locator(".card").all():
        picture, title = card.locator(".card__media").bounding_box(), card.locator(".card__title").bounding_box()
        assert picture["x"] + picture["width"] <= title["x"] + 1
        assert card.bounding_box()["height"] < 220
