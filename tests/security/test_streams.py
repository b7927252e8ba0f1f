"""A malformed block written straight to the database renders as nothing and
is logged; the page, search, feeds and rebuild_search keep working."""

import json
import logging

import feedparser
import pytest
from django.core.management import call_command
from django.db import connection

from blog.models import ArticlePage
from search.models import SearchEntry
from search.index import index_articles
from tests.factories import block, make_article, video_block
from tests.html import reader_html

pytestmark = pytest.mark.django_db

BAD_VIDEO = block("video", {"video": {"video_id": "M7lc1UVf-VE", "start": "abc"}, "title": "壊れた動画", "caption": ""})
MALFORMED = [
    BAD_VIDEO,
    block("video", {"video": {"video_id": "<script>", "start": 0}, "title": "偽のID", "caption": ""}),
    block("video", {"video": "just text", "title": "文字だけ", "caption": ""}),
    {"type": "paragraph"},  # no value at all
    "not a block",
]


def write_body_directly(article, body):
    """What an importer or a migration might do: raw JSON, no validation."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ArticlePage._meta.db_table} SET body = %s WHERE page_ptr_id = %s", [json.dumps(body), article.pk]
        )


@pytest.fixture
def broken_article(blog):
    article = make_article(blog, title="壊れたブロックのある記事")
    good = [
        block("paragraph", "<p>鵞足のストレッチは毎日続けます。</p>"),
        video_block(title="正しい動画"),
    ]
    write_body_directly(article, [good[0], *MALFORMED, good[1]])
    index_articles(ArticlePage.objects.filter(pk=article.pk))
    return article


def test_article_with_a_malformed_block_renders_the_rest_and_logs_it(client, broken_article, caplog):
    with caplog.at_level(logging.WARNING, logger="security.streams"):
        response = client.get(broken_article.url)

    html = reader_html(response)
    assert response.status_code == 200
    assert "鵞足のストレッチは毎日続けます。" in html
    assert "正しい動画" in html
    assert "壊れた動画" not in html and "偽のID" not in html and "&lt;script&gt;" not in html
    assert "Unreadable video block" in caplog.text


def test_search_finds_an_article_with_a_malformed_block(client, broken_article):
    response = client.get("/search/", {"q": "鵞足"})

    assert response.status_code == 200
    assert broken_article.title in reader_html(response)


def test_feed_lists_an_article_with_a_malformed_block(client, broken_article):
    response = client.get("/blog/feed/")

    assert response.status_code == 200
    assert broken_article.title in [entry.title for entry in feedparser.parse(response.content).entries]


def test_rebuild_search_indexes_past_a_malformed_block(broken_article, capsys):
    call_command("rebuild_search")

    assert SearchEntry.objects.filter(page_id=broken_article.pk).exists()


def test_editor_opens_an_article_with_a_malformed_block(admin_client, broken_article):
    response = admin_client.get(f"/admin/pages/{broken_article.pk}/edit/")

    html = reader_html(response)
    assert response.status_code == 200
    # The form's stream is JSON in the page, non-ASCII escaped.
    assert json.dumps("正しい動画")[1:-1] in html
    assert json.dumps("壊れた動画")[1:-1] not in html
