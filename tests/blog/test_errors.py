"""The 404 page offers a way on: search, categories, the newest articles."""

import pytest

from tests.factories import CategoryFactory, make_article, make_hidden_articles
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_404_offers_search_categories_and_newest_articles(client, blog):
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    for n in range(7):
        make_article(blog, title=f"膝の記事{n}", slug=f"knee-{n}", categories=[knee])
    make_hidden_articles(blog, categories=[knee])

    response = client.get("/blog/no-such-article/")
    html = reader_html(response)

    assert response.status_code == 404
    assert 'action="/search/"' in html and 'name="q"' in html
    assert 'href="/blog/category/knee/"' in html
    assert html.count('href="/blog/knee-') == 5  # the five newest
    assert "下書きの記事" not in html and "限定公開の記事" not in html
    assert "予約公開の記事" not in html and "公開終了の記事" not in html


def test_404_page_on_an_empty_site_still_renders(client, db):
    response = client.get("/anything/")

    assert response.status_code == 404 and "お探しの" in reader_html(response)


def test_404_answers_in_a_fixed_number_of_queries(client, blog, django_assert_max_num_queries):
    for n in range(20):
        make_article(blog, slug=f"a-{n}")
    client.get("/missing/")

    with django_assert_max_num_queries(12):
        assert client.get("/missing/").status_code == 404
