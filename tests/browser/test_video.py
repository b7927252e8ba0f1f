"""A reader's browser and a YouTube video: nothing from YouTube but the
thumbnail until play is pressed, then the privacy-enhanced player."""

from urllib.parse import urlsplit

import pytest

from tests.factories import make_article, video_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ID = "M7lc1UVf-VE"
YOUTUBE_DOMAINS = ("youtube.com", "youtu.be", "youtube-nocookie.com", "ytimg.com", "googlevideo.com", "ggpht.com")
PLAY = "動画を再生：太もも内側のストレッチ"


def youtube_requests(tab):
    return [
        (url, kind)
        for url, kind in tab.outside_requests
        if (urlsplit(url).hostname or "").endswith(YOUTUBE_DOMAINS)
    ]


@pytest.fixture
def video_article(site_tree):
    _, blog = site_tree
    return make_article(blog, title="動画で見るストレッチ", body=[video_block(url=f"https://youtu.be/{ID}?t=90")])


def test_before_play_only_the_thumbnail_is_requested_from_youtube(offline_page, live_server, video_article):
    page = offline_page.page

    page.goto(live_server.url + video_article.url, wait_until="networkidle")

    assert page.locator("iframe").count() == 0
    assert all(
        kind == "image" and urlsplit(url).hostname == "i.ytimg.com" for url, kind in youtube_requests(offline_page)
    ), youtube_requests(offline_page)


def test_pressing_play_swaps_in_focused_nocookie_player_at_the_same_size(offline_page, live_server, video_article):
    page = offline_page.page
    page.goto(live_server.url + video_article.url, wait_until="networkidle")
    play = page.get_by_role("button", name=PLAY)
    box_before = page.locator(".video-facade").bounding_box()

    play.click()

    frame = page.locator(".video-facade iframe")
    assert frame.get_attribute("src") == f"https://www.youtube-nocookie.com/embed/{ID}?start=90&autoplay=1"
    assert frame.get_attribute("title") == "太もも内側のストレッチ"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    box_after = page.locator(".video-facade").bounding_box()
    assert box_after == box_before
    assert round(box_before["width"] / box_before["height"], 2) == round(16 / 9, 2)
    assert any(urlsplit(url).hostname == "www.youtube-nocookie.com" for url, _ in offline_page.outside_requests)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_play_button_works_from_the_keyboard(offline_page, live_server, video_article, key):
    page = offline_page.page
    page.goto(live_server.url + video_article.url, wait_until="networkidle")

    page.get_by_role("button", name=PLAY).focus()
    page.keyboard.press(key)

    assert page.locator(".video-facade iframe").count() == 1
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_without_javascript_the_play_control_links_to_youtube(offline_page_without_js, live_server, video_article):
    page = offline_page_without_js.page

    page.goto(live_server.url + video_article.url)

    link = page.get_by_role("link", name=PLAY)
    assert link.get_attribute("href") == f"https://www.youtube.com/watch?v={ID}&t=90s"
    assert page.locator("iframe").count() == 0
