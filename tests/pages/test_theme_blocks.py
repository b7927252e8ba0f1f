"""固定ページ built from the theme blocks (料金, よくある質問…): they render
as in articles, in a bounded number of queries however many blocks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import ArticlePage
from pages.models import ContentPage
from tests.factories import AuthorFactory, ImageFactory, block, make_article, theme_blocks_body
from tests.html import reader_html

pytestmark = pytest.mark.django_db

# Today's exact count for a content page of every theme block (no figure):
# the page and its routing (5) and ancestors for the breadcrumbs (1); the
# balloons' authors, their photos and the speakers' icons, with renditions
# (5); the cards' and buttons' pages as chosen, then as readers may see them:
# view restrictions, their types, their specific rows, pictures and
# renditions (6). Each is one query for all the blocks of its kind.
THEME_PAGE_QUERIES = 17


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
