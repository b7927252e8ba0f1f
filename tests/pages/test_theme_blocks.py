"""固定ページ built from the theme blocks (料金, よくある質問…): they render
as in articles, in a bounded number of queries however many blocks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ArticlePage
from pages.models import ContentPage
from tests.factories import AuthorFactory, ImageFactory, block, make_article, theme_blocks_body
from tests.html import reader_html
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db

# The content page's own (MAX_QUERIES["content page"], with a figure), and
# what the theme blocks read, each once for all their blocks: the balloons'
# authors, photos and icons with renditions (5), the cards' and buttons'
# targets with the readers' rule, their types and pictures (5).
THEME_PAGE_QUERIES = MAX_QUERIES["content page"] + 10


def content_page(home, slug, body):
    page = ContentPage(title="料金とよくある質問", slug=slug, body=body)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_content_page_of_every_theme_block_renders_in_bounded_queries(client, home, blog, settings,
                                                                        django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False
    target = make_article(blog, title="デスクワークの腰痛", hero_image=ImageFactory())
    author = AuthorFactory(name="山田 遥", photo=ImageFactory())
    page = content_page(home, "guide", theme_blocks_body(author=author, icon=ImageFactory(), page=target))
    client.get(page.url)  # renditions made once

    with django_assert_max_num_queries(THEME_PAGE_QUERIES):
        response = client.get(page.url)

    html = reader_html(response)
    for part in ("block-balloon", "block-faq", "block-card", "block-table", "block-button", "block-toggle",
                 "block-timeline", "block-note--memo"):
        assert part in html, part
    assert "デスクワークの腰痛" in html


def test_the_queries_do_not_grow_with_the_number_of_theme_blocks(client, home, blog, settings):
    settings.SERVING_PAGE_CACHE = False
    target = make_article(blog, hero_image=ImageFactory())
    author = AuthorFactory(photo=ImageFactory())
    one = content_page(home, "one", theme_blocks_body(author=author, icon=ImageFactory(), page=target))
    five = content_page(home, "five", [child for _ in range(5) for child in theme_blocks_body(
        author=AuthorFactory(photo=ImageFactory()), icon=ImageFactory(), page=make_article(blog, hero_image=ImageFactory()))])
    counts = []
    for page in (one, five):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        counts.append(len(queries))

    assert counts[0] == counts[1]


@pytest.mark.parametrize("bad", [
    block("blog_card", {"page": "abc", "url": "", "title": "", "description": ""}),
    block("faq", {"title": "", "items": "not a list"}),
    block("button", {"label": "x", "page": {"id": 1}, "url": "", "style": "primary"}),
    block("timeline", None),
])
def test_a_stored_theme_block_that_cannot_be_read_shows_as_nothing(client, blog, bad):
    article = make_article(blog, body=[block("paragraph", "<p>x</p>")])
    ArticlePage.objects.filter(pk=article.pk).update(body=[bad, block("paragraph", "<p>残る本文</p>")])

    response = client.get(article.url)

    assert response.status_code == 200 and "残る本文" in response.content.decode()
