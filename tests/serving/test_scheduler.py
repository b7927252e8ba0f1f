"""serving/management/commands/run_scheduler.py: a scheduled article goes
live on its own, and every page that lists it shows it."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from tests.factories import make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_until(check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return False


def run_scheduler_in_thread(**options):
    """The scheduler loop in a thread. An in-memory SQLite test database is
    shared the way Django's live server shares it: one connection."""
    shared = connections["default"] if connection.vendor == "sqlite" else None

    def run():
        if shared is not None:
            connections["default"] = shared
        call_command("run_scheduler", **options)

    if shared is not None:
        shared.inc_thread_sharing()
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_scheduled_article_appears_on_its_url_index_feed_and_sitemap_by_itself(blog):
    client = Client()
    make_article(blog, title="すでに公開中の記事")
    article = make_article(blog, title="予約公開の記事", slug="scheduled-article", publish=False)
    article.go_live_at = timezone.now() + timedelta(seconds=3)
    article.save_revision().publish()  # 「公開を予約」: not live until go_live_at
    urls = {article.url: "予約公開の記事", blog.url: "予約公開の記事", f"{blog.url}feed/": "scheduled-article", "/sitemap-articles.xml": "scheduled-article"}
    # Read while scheduled, so the cache holds the pages without it.
    assert client.get(article.url).status_code == 404
    for url, text in urls.items():
        if url != article.url:
            assert text not in reader_html(client.get(url)), url
            assert client.get(url)["X-Page-Cache"] == "hit", url

    scheduler = run_scheduler_in_thread(interval=0.5, runs=30)
    try:
        def all_show_it():
            return all(text in reader_html(client.get(url)) for url, text in urls.items())

        assert wait_until(all_show_it, timeout=15)
    finally:
        scheduler.join()
        if connection.vendor == "sqlite":
            connection.dec_thread_sharing()


def test_scheduler_refuses_a_zero_interval():
    with pytest.raises(CommandError):
        call_command("run_scheduler", interval=0)
