"""Share links: plain links to each service with the article's canonical URL
and title, encoded so Japanese survives."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from blog.share import share_links
from tests.factories import make_article
from tests.html import reader_html

URL = "https://example.com/blog/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/"
TITLE = "膝の内側が痛い？ 原因&ケア #セルフケア"


def links_by_key(url=URL, title=TITLE):
    return {key: href for key, _label, href in share_links(url, title)}


def query(href):
    return parse_qs(urlsplit(href).query, strict_parsing=True)


def test_every_service_gets_a_link_in_a_fixed_order():
    assert [key for key, _label, _href in share_links(URL, TITLE)] == ["line", "x", "facebook", "hatena"]


def test_japanese_title_and_url_round_trip_through_each_link():
    links = links_by_key()

    assert query(links["line"]) == {"url": [URL], "text": [TITLE]}
    assert query(links["x"]) == {"text": [TITLE], "url": [URL]}
    assert query(links["facebook"]) == {"u": [URL]}
    assert query(links["hatena"]) == {"mode": ["confirm"], "url": [URL], "title": [TITLE]}


def test_links_point_at_each_services_own_share_page():
    links = links_by_key()

    assert links["line"].startswith("https://social-plugins.line.me/lineit/share?")
    assert links["x"].startswith("https://x.com/intent/post?")
    assert links["facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert links["hatena"].startswith("https://b.hatena.ne.jp/add?")


def test_encoding_is_percent_utf8_with_nothing_left_raw():
    href = links_by_key()["x"]

    assert "%E8%86%9D%E3%81%AE%E5%86%85%E5%81%B4" in href  # 膝の内側 as UTF-8
    assert "%20" in href and "+" not in href  # spaces as %20, which every service reads
    assert "%26" in href and "%23" in href  # & and # cannot break the query
    assert "%25E8%2586%259D" in href  # the already-encoded URL is encoded once more, as a value
    assert all(ord(character) < 128 for character in href)


@pytest.mark.django_db
def test_article_page_has_share_links_with_its_absolute_url_and_no_third_party_scripts(client, blog):
    article = make_article(blog, title="膝の痛み＆ストレッチ", slug="膝の痛み")

    html = reader_html(client.get(article.url))
    box = html.split('data-share>', 1)[1].split("</section>", 1)[0]

    page_url = "http://localhost/blog/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/"
    hrefs = {key: unescape(href) for key, href in _share_anchors(box)}
    assert query(hrefs["line"])["url"] == [page_url]
    assert query(hrefs["x"])["text"] == ["膝の痛み＆ストレッチ"]
    assert set(hrefs) == {"line", "x", "facebook", "hatena"}
    assert f'value="{page_url}" readonly' in box  # the URL to copy, visible without JavaScript
    assert "<li hidden data-share-copy-item>" in box and ">リンクをコピー</button>" in box
    assert 'role="status" aria-live="polite"' in box
    assert '<script src="/static/js/share.js" defer></script>' in html
    assert re.findall(r'<script[^>]+src="(?!/static/)', html) == []  # nothing loaded from elsewhere


def _share_anchors(box):
    return re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', box)
