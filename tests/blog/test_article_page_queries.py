"""An article page's query count does not grow with the blog: related
articles, table of contents and previous/next links included."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, block, make_article, sample_body
from tests.html import reader_html

pytestmark = pytest.mark.django_db

# Page, site and settings lookups, the article's authors, categories, tags,
# reviewer and body image, the JSON-LD, related articles with their card data
# (5), previous and next (1) and the view restrictions both share (1).
# Measured at 22 on SQLite and PostgreSQL, with 10 articles or 100.
ARTICLE_PAGE_QUERIES = 22


@pytest.mark.parametrize("article_count", [10, 100])
def test_article_page_queries_do_not_grow_with_the_number_of_articles(
    client, blog, article_count, django_assert_max_num_queries
):
    knee, image, author = CategoryFactory(), ImageFactory(), AuthorFactory()
    start = timezone.now() - timedelta(days=article_count + 1)
    for n in range(article_count):
        make_article(
            blog, categories=[knee], authors=[author], tags=["膝", f"タグ{n % 3}"], hero_image=image,
            published_at=start + timedelta(days=n),
        )
    article = make_article(
        blog, categories=[knee], tags=["膝"], reviewer=AuthorFactory(photo=image), hero_image=image,
        body=sample_body(image=image) + [block("heading", {"level": "h2", "text": "まとめ", "anchor": ""})],
        published_at=start + timedelta(days=article_count // 2, hours=1),
    )
    client.get(article.url)  # renditions are made once, on the first view

    with django_assert_max_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(article.url)

    html = reader_html(response)
    assert html.count('class="card"') == 4
    assert html.count('<li><a href="#') == 3  # the table of contents
    assert "前の記事" in html and "次の記事" in html and "この記事の監修者" in html
