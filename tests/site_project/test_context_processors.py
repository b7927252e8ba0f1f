"""Every template gets the site's blog and the clinic once, and only if it asks."""

import pytest

from tests.factories import make_article
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_search_page_links_the_blog_and_the_clinic_booking(client, clinic, blog):
    html = reader_html(client.get("/search/", {"q": "膝"}))

    assert '<a href="/blog/">記事一覧</a>' in html
    assert 'href="https://example.com/booking">予約する</a>' in html


def test_a_blog_page_reuses_the_blog_it_holds(client, blog, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    article = make_article(blog)
    client.get(article.url)

    with django_assert_max_num_queries(MAX_QUERIES["article"]):
        html = reader_html(client.get(article.url))

    assert '<a href="/blog/">記事一覧</a>' in html
