"""A batch-written post sends no page_published (wordpress/bulk.py): the
import purges the page cache once instead. Its own module, because the
tests in test_bulk.py share one import (conftest.imported_once)."""

import pytest

from tests.html import reader_html

from .conftest import run_import

# Only new posts that go live now: every one is written in a batch, so no
# page_published is sent. (The first import also creates the author and the
# category, and saving those purges the cache: the second one creates neither.)
EXPORT = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>整体院</title><link>https://batch.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://batch.example</wp:base_site_url><wp:base_blog_url>https://batch.example</wp:base_blog_url>
{items}</channel></rss>
"""
ITEM = """<item><title>まとめて書いた記事{n}</title><link>https://batch.example/batch-{n}/</link>
<content:encoded><![CDATA[<p>本文{n}</p>]]></content:encoded><wp:post_id>{n}</wp:post_id>
<wp:post_date_gmt>2024-01-0{n}01:00:00</wp:post_date_gmt><wp:post_name>batch-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
"""


@pytest.mark.parametrize("url", ["/blog/", "/blog/feed/", "/sitemap-articles.xml"])
def test_imported_articles_show_at_once_on_pages_cached_before_the_import(client, site_tree, url, tmp_path):
    export = tmp_path / "batch.xml"
    export.write_text(EXPORT.format(items=ITEM.format(n=1)))
    assert "投稿: 新規 1" in run_import(str(export), media=None)
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    export.write_text(EXPORT.format(items="".join(ITEM.format(n=n) for n in (1, 2))))
    output = run_import(str(export), media=None)
    assert "投稿: 新規 1、変更なし 1" in output and "著者" not in output and "カテゴリー" not in output
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    text = reader_html(response) if url == "/blog/" else response.content.decode()
    assert "batch-2" in text or "まとめて書いた記事2" in text
