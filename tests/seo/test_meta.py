"""seo/meta.py: the page-agnostic head values."""

import pytest

from seo.meta import page_url
from tests.html import reader_html


@pytest.mark.parametrize(
    "url, number, query, expected",
    [
        ("/blog/", 1, "", "/blog/"),
        ("/blog/", 2, "", "/blog/?page=2"),
        ("/blog/tag/膝/", 3, "", "/blog/tag/%E8%86%9D/?page=3"),
        ("/search/", 1, "q=%E8%86%9D", "/search/?q=%E8%86%9D"),
        ("/search/", 4, "q=%E8%86%9D", "/search/?q=%E8%86%9D&page=4"),
    ],
)
def test_page_url_leaves_page_one_as_the_listing_itself(url, number, query, expected):
    assert page_url(url, number, query) == expected


@pytest.mark.django_db
def test_pages_that_are_no_page_still_get_the_site_feed_and_clinic_name(client, clinic):
    html = reader_html(client.get("/no-such-page/"))
    head = html.split("</head>")[0]

    assert 'type="application/rss+xml"' in head and "http://localhost/blog/feed/" in head
    assert "<title>ページが見つかりません | てあて整体院</title>" in head
    assert '<a href="/blog/">記事一覧</a>' in html  # the header's link to the blog, from the context processor
