"""/sitemap.xml and /robots.txt: what crawlers are told."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timezone import localdate

from blog import sitemaps
from blog.models import ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, approve_review, make_article, make_articles, make_hidden_articles
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_parts(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == "{%s}sitemapindex" % NS["sm"]
    # Django's index names its parts at the request's host (the test client's "testserver").
    return [urlsplit(loc.text)._replace(scheme="", netloc="").geturl() for loc in root.findall("sm:sitemap/sm:loc", NS)]


def sitemap_entries(client):
    """Every URL of every part the sitemap index lists, with its lastmod."""
    entries = {}
    for part in sitemap_parts(client):
        response = client.get(part)
        assert response.status_code == 200, part
        root = ET.fromstring(response.content)
        for url in root.findall("sm:url", NS):
            entries[url.findtext("sm:loc", namespaces=NS)] = url.findtext("sm:lastmod", namespaces=NS)
    return entries


def test_sitemap_lists_exactly_the_public_pages_with_lastmod(client, blog):
    knee = CategoryFactory(slug="knee")
    author = AuthorFactory(slug="yamada")
    article = make_article(blog, slug="hiza", categories=[knee], authors=[author], tags=["ストレッチ"])
    make_hidden_articles(blog, categories=[CategoryFactory(slug="hidden")], authors=[AuthorFactory(slug="ghost")], tags=["秘密"])
    CategoryFactory(slug="empty")
    blog.save_revision().publish()
    blog.get_parent().specific.save_revision().publish()

    entries = sitemap_entries(client)

    assert set(entries) == {
        "http://localhost/",
        "http://localhost/blog/",
        "http://localhost/blog/hiza/",
        "http://localhost/blog/category/knee/",
        "http://localhost/blog/author/yamada/",
        "http://localhost/blog/tag/%E3%82%B9%E3%83%88%E3%83%AC%E3%83%83%E3%83%81/",
    }
    assert all(entries.values()), entries
    assert entries["http://localhost/blog/category/knee/"] == localdate(article.last_published_at).isoformat()


def test_an_author_who_only_reviews_is_in_the_sitemap_unless_only_hidden_articles_credit_them(client, blog):
    doctor = AuthorFactory(slug="takahashi")
    hidden_doctor = AuthorFactory(slug="hidden-doctor")
    older = approve_review(make_article(blog, reviewer=doctor))
    newest = approve_review(make_article(blog, reviewer=doctor))
    for article, days in ((older, 5), (newest, 3)):
        ArticlePage.objects.filter(pk=article.pk).update(last_published_at=timezone.now() - timedelta(days=days))
    make_hidden_articles(blog, reviewer=hidden_doctor)

    entries = sitemap_entries(client)

    assert entries["http://localhost/blog/author/takahashi/"] == localdate(timezone.now() - timedelta(days=3)).isoformat()
    assert "http://localhost/blog/author/hidden-doctor/" not in entries


def test_listing_lastmod_is_its_newest_readable_article(client, blog):
    knee = CategoryFactory(slug="knee")
    older, newest = make_article(blog, categories=[knee]), make_article(blog, categories=[knee])
    for article, days in ((older, 5), (newest, 3)):
        ArticlePage.objects.filter(pk=article.pk).update(last_published_at=timezone.now() - timedelta(days=days))
    hidden = make_hidden_articles(blog, categories=[knee])  # published just now

    entries = sitemap_entries(client)

    expected = localdate(timezone.now() - timedelta(days=3)).isoformat()
    assert entries["http://localhost/blog/category/knee/"] == expected
    assert not any(article.slug in url for article in hidden.values() for url in entries)


def test_sitemap_index_splits_articles_into_parts_each_listing_every_article_once(client, blog, settings):
    settings.SERVING_PAGE_CACHE = False
    make_articles(blog, 25, authors=[AuthorFactory()], categories=[CategoryFactory()])
    sitemaps.ArticleSitemap.limit = 10
    try:
        parts = sitemap_parts(client)
        entries = sitemap_entries(client)
    finally:
        sitemaps.ArticleSitemap.limit = sitemaps.ARTICLES_PER_PART

    assert parts == [
        "/sitemap-pages.xml",
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
    ]
    assert len([url for url in entries if "/blog/article-" in url]) == 25


@pytest.mark.parametrize("count", [5, 60])
def test_sitemap_query_count_does_not_grow_with_articles(
    client, blog, settings, django_assert_num_queries, django_assert_max_num_queries, count
):
    settings.SERVING_PAGE_CACHE = False
    make_articles(blog, count, authors=[AuthorFactory()], categories=[CategoryFactory()], tags=["膝"])
    sitemaps.ArticleSitemap.limit = 20
    try:
        for url, budget in [("/sitemap.xml", "sitemap"), ("/sitemap-pages.xml", "sitemap pages")]:
            client.get(url)  # the Site and clinic settings now cached, as on a live site
            with django_assert_num_queries(MAX_QUERIES[budget], info=url):
                assert client.get(url).status_code == 200
        for url in ["/sitemap-articles.xml", f"/sitemap-articles.xml?p={-(-count // 20)}"]:  # the first and the last
            with django_assert_max_num_queries(MAX_QUERIES["sitemap articles"], info=url):
                assert client.get(url).status_code == 200
    finally:
        sitemaps.ArticleSitemap.limit = sitemaps.ARTICLES_PER_PART


def test_sitemap_parts_are_cached_and_tagged_so_a_publish_reaches_them(client, blog):
    response = client.get("/sitemap-articles.xml")

    assert ",articles," in response["X-Cache-Tags"]
    assert client.get("/sitemap-articles.xml")["X-Page-Cache"] == "hit"
    article = make_article(blog, slug="new-one")
    assert "/blog/new-one/" in client.get("/sitemap-articles.xml").content.decode()
    assert article.live


def test_robots_txt_names_the_sitemap_and_keeps_admin_out(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = reader_html(response).splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /django-admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
