"""The RSS feeds: what a feed reader gets at /blog/feed/ and per category."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from blog.models import ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article, make_hidden_articles
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def backdate(article, days):
    """Publication dates a day apart, so the feed order is unambiguous."""
    when = timezone.now() - timedelta(days=days)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when, last_published_at=when)


def test_site_feed_lists_newest_articles_first_with_absolute_links_and_japanese_titles(client, blog):
    author = AuthorFactory(name="山田 遥")
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    older = make_article(blog, title="膝の内側が痛む原因", authors=[author], categories=[knee])
    newer = make_article(blog, title="腰痛のセルフケア＆ストレッチ", lead="朝の腰の痛みに。")
    backdate(older, 2)
    backdate(newer, 1)

    feed = read_feed(client, "/blog/feed/")

    assert feed.feed.title == "手当ての新着記事"
    assert feed.feed.link == "http://localhost/blog/"
    assert [entry.title for entry in feed.entries] == ["腰痛のセルフケア＆ストレッチ", "膝の内側が痛む原因"]
    first, second = feed.entries
    assert first.link == "http://localhost" + newer.url
    assert second.link == "http://localhost" + older.url
    assert second.author == "山田 遥"
    assert [tag.term for tag in second.tags] == ["膝の痛み"]
    assert "朝の腰の痛みに。" in first.summary
    assert second.published_parsed is not None


def test_site_feed_stops_at_twenty_articles(client, blog):
    category = CategoryFactory()
    for _ in range(22):
        make_article(blog, categories=[category])

    assert len(read_feed(client, "/blog/feed/").entries) == 20


def test_feed_item_shows_hero_image_as_absolute_1200x630_rendition(client, blog):
    photo = ImageFactory(description="膝の写真", file=get_test_image_file(size=(1600, 1000)))
    make_article(blog, title="画像つきの記事", hero_image=photo)

    entry = read_feed(client, "/blog/feed/").entries[0]

    assert '<img alt="膝の写真" height="630" src="http://localhost/media/images/' in entry.summary
    assert '.fill-1200x630.png" width="1200"' in entry.summary
    assert entry.enclosures[0].href.startswith("http://localhost/media/images/")
    assert entry.enclosures[0].type == "image/png"


def test_category_feed_lists_only_that_category(client, blog):
    knee, back = CategoryFactory(name="膝の痛み", slug="knee"), CategoryFactory(name="腰痛", slug="back")
    make_article(blog, title="膝の記事", categories=[knee])
    make_article(blog, title="腰の記事", categories=[back])
    make_article(blog, title="膝と腰の記事", categories=[back, knee])

    feed = read_feed(client, "/blog/category/knee/feed/")

    assert feed.feed.title == "膝の痛みの記事 | 手当て"
    assert feed.feed.link == "http://localhost/blog/category/knee/"
    assert sorted(entry.title for entry in feed.entries) == ["膝と腰の記事", "膝の記事"]


def test_unknown_category_feed_is_404(client, blog):
    assert client.get("/blog/category/nothing/feed/").status_code == 404


@pytest.mark.parametrize("url", ["/blog/feed/", "/blog/category/knee/feed/"])
def test_draft_private_scheduled_and_expired_articles_are_in_no_feed(client, blog, url):
    knee = CategoryFactory(slug="knee")
    make_article(blog, title="公開中の記事", categories=[knee])
    make_hidden_articles(blog, categories=[knee])

    assert [entry.title for entry in read_feed(client, url).entries] == ["公開中の記事"]


def test_feed_query_count_does_not_grow_with_articles(client, blog, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    for _ in range(20):
        make_article(blog, authors=[AuthorFactory()], categories=[CategoryFactory(), CategoryFactory()])
    client.get("/blog/feed/")  # warm up the site and settings caches

    with django_assert_max_num_queries(MAX_QUERIES["feed"]):
        read_feed(client, "/blog/feed/")
