"""/sitemap.xml and /robots.txt: what crawlers are told."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timezone import localdate

from blog.models import ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, make_article, make_hidden_articles
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS) for url in root.findall("sm:url", NS)}


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
    older = make_article(blog, reviewer=doctor)
    newest = make_article(blog, reviewer=doctor)
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


def test_sitemap_query_count_does_not_grow_with_articles(client, blog, django_assert_max_num_queries):
    for _ in range(15):
        make_article(blog, tags=["膝"])

    with django_assert_max_num_queries(MAX_QUERIES["sitemap"]):
        sitemap_entries(client)


def test_robots_txt_names_the_sitemap_and_keeps_admin_out(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = reader_html(response).splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /django-admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
