"""The Content-Security-Policy header: readers' pages may frame only YouTube's
privacy-enhanced player; the Wagtail admin keeps working without it."""

import pytest
from django.urls import reverse

from tests.factories import make_article, video_block

pytestmark = pytest.mark.django_db


def directives(response):
    return dict(d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";"))


def test_article_page_allows_only_the_nocookie_player_and_youtube_thumbnails(client, blog):
    article = make_article(blog, body=[video_block()])

    policy = directives(client.get(article.url))

    assert policy["frame-src"] == "https://www.youtube-nocookie.com"
    assert policy["img-src"] == "'self' https://i.ytimg.com data:"
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"


def test_not_found_page_carries_the_policy_too(client, blog):
    response = client.get("/blog/no-such-article/")

    assert response.status_code == 404
    assert "frame-src" in response.headers["Content-Security-Policy"]


def test_wagtail_admin_is_exempt_and_still_works(admin_client, blog):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk)))

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
