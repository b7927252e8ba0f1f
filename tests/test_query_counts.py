"""Every reader-facing page answers in a fixed number of SQL queries,
whether the blog holds 10 articles or 400 (bakerydemo: 22 on a post, 40 on
its index). Counted with the page cache off, as a page is rendered after a
purge: a cached page costs no query at all, and would prove nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    AuthorFactory,
    CategoryFactory,
    ImageFactory,
    approve_review,
    block,
    make_article,
    make_articles,
    sample_body,
)
from tests.html import reader_html
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[10, 400], ids=lambda n: f"{n}-articles")
def page_urls(request, blog):
    """A blog of N articles, each with a hero image, two categories, tags and
    an author with a photo, plus the article measured (two authors, a 監修
    reviewer with a photo, three tags, a figure and a table of contents in
    its body); the URL of each kind of page."""
    authors = [AuthorFactory(slug=f"writer-{i}", photo=ImageFactory()) for i in range(3)]
    categories = [CategoryFactory(slug=f"topic-{i}") for i in range(4)]
    images = [ImageFactory() for _ in range(15)]
    make_articles(
        blog, request.param, authors=authors, categories=categories, tags=["膝", "ストレッチ"], images=images
    )
    article = make_article(
        blog,
        authors=authors[:2],
        categories=categories[:2],
        tags=["膝", "ストレッチ", "セルフケア"],
        hero_image=images[0],
        reviewer=AuthorFactory(photo=images[2]),
        body=sample_body(images[1]) + [block("heading", {"level": "h2", "text": "まとめ", "anchor": ""})],
        published_at=timezone.now() - timedelta(days=request.param // 2, hours=1),
    )
    article = approve_review(article)  # its reviewer approved it through the 監修 workflow: credited
    return {
        "home": "/",
        "blog index": "/blog/",
        "article": article.url,
        "category": "/blog/category/topic-0/",
        "tag": "/blog/tag/膝/",
        "author": "/blog/author/writer-0/",
        "author index": "/blog/author/",
        "category index": "/blog/category/",
    }


def test_no_page_grows_in_queries_with_the_number_of_articles(
    client, settings, django_assert_num_queries, page_urls
):
    settings.SERVING_PAGE_CACHE = False
    for kind, url in page_urls.items():
        assert client.get(url).status_code == 200, url  # renditions now exist, as on a live site

        with django_assert_num_queries(MAX_QUERIES[kind], info=f"{kind}: {url}"):
            response = client.get(url)

        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss", url  # rendered, not served from the page cache
        if kind == "article":  # everything the budget pays for is on the page
            html = reader_html(response)
            assert html.count('class="card"') == 4
            assert html.count('<li><a href="#') == 3  # the table of contents
            assert "前の記事" in html and "次の記事" in html and "この記事の監修者" in html
