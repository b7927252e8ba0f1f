"""Expired and not-yet-live pages answer 404 at their own URL; editors still see them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import ArticlePage, BlogIndexPage
from home.models import HomePage
from tests.factories import make_article, make_hidden_articles
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", ["expired", "scheduled"])
def test_article_outside_its_publication_window_is_404_at_its_url(client, blog, reason):
    article = make_hidden_articles(blog)[reason]
    assert ArticlePage.objects.get(pk=article.pk).live  # publish_scheduled has not run yet

    response = client.get(article.url)

    assert response.status_code == 404
    assert article.title not in reader_html(response)


@pytest.mark.parametrize("reason", ["expired", "scheduled"])
def test_editor_still_previews_an_article_outside_its_window(admin_client, blog, reason):
    article = make_hidden_articles(blog)[reason]

    response = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")

    assert response.status_code == 200
    assert article.title in reader_html(response)


def test_article_inside_its_window_is_served(client, blog):
    now = timezone.now()
    article = make_article(blog, title="公開中の記事")
    ArticlePage.objects.filter(pk=article.pk).update(
        go_live_at=now - timedelta(hours=1), expire_at=now + timedelta(hours=1)
    )

    assert client.get(article.url).status_code == 200


@pytest.mark.parametrize("path", ["/blog/", "/blog/feed/"])
def test_expired_blog_index_and_its_routes_are_404(client, blog, path):
    make_article(blog, tags=["膝"])
    BlogIndexPage.objects.filter(pk=blog.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert client.get(path).status_code == 404


def test_scheduled_home_page_is_404_but_its_live_children_are_not(client, blog, home):
    article = make_article(blog)
    HomePage.objects.filter(pk=home.pk).update(go_live_at=timezone.now() + timedelta(days=1))

    assert client.get("/").status_code == 404
    assert client.get(article.url).status_code == 200
