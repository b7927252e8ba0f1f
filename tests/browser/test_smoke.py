"""A reader on a phone: home → category → article → author, in real Chromium."""

import re

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article, sample_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def reader_site(site_tree):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.clinic_name, clinic.phone, clinic.booking_url = "てあて整体院", "0466-00-0000", "https://example.com/booking"
    clinic.save()
    author = AuthorFactory(name="山田 遥", slug="yamada", photo=ImageFactory())
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    image = ImageFactory()
    make_article(blog=site_tree[1], title="階段で膝が痛いときのストレッチ", authors=[author], categories=[knee])
    return make_article(
        site_tree[1],
        title="膝の内側が痛くて歩けない原因と、自分でできるケア",
        authors=[author],
        categories=[knee],
        tags=["膝", "セルフケア"],
        hero_image=image,
        body=sample_body(image),
    )


def assert_readable_on_a_phone(page, heading):
    """One visible h1 with the expected text, and nothing wider than the screen."""
    h1 = page.locator("h1")
    assert h1.count() == 1
    assert h1.is_visible()
    assert heading in h1.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "横スクロールが出ています"


def test_reader_walks_from_home_to_category_article_and_author(offline_page, live_server, reader_site):
    page = offline_page.page
    page.goto(live_server.url + "/")
    assert_readable_on_a_phone(page, "ホーム")

    page.locator(".category-list").get_by_role("link", name=re.compile("膝の痛み")).click()
    page.wait_for_url("**/blog/category/knee/")
    assert_readable_on_a_phone(page, "膝の痛み")

    page.get_by_role("link", name=re.compile("膝の内側が痛くて歩けない原因")).click()
    page.wait_for_url(f"**{reader_site.url}")
    assert_readable_on_a_phone(page, "膝の内側が痛くて歩けない原因と、自分でできるケア")
    assert page.get_by_role("heading", name="この記事を書いた人").is_visible()
    assert page.locator(".article__hero img").evaluate("img => img.complete && img.naturalWidth > 0")

    page.locator(".author-box__name").get_by_role("link", name="山田 遥").click()
    page.wait_for_url("**/blog/author/yamada/")
    assert_readable_on_a_phone(page, "山田 遥")
    assert offline_page.outside_requests == []


def test_skip_link_moves_focus_to_the_main_content(offline_page, live_server, reader_site):
    page = offline_page.page
    page.goto(live_server.url + reader_site.url)

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "本文へスキップ"
    assert page.locator(".skip-link").is_visible()  # shown while focused

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
