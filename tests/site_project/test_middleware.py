"""The Content-Security-Policy header: readers' pages may frame only YouTube's
privacy-enhanced player; the Wagtail admin keeps working without it."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_article, video_block
from tests.html import reader_html

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


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


def test_wagtail_admin_gets_its_own_policy_and_still_works(admin_client, blog):
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk)))

    assert response.status_code == 200
    policy = directives(response)
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self' 'unsafe-inline'"  # Wagtail's inline panels need it


def test_reader_pages_allow_no_inline_style_or_script(client, blog):
    article = make_article(blog)

    for url in ["/", "/blog/", article.url, "/search/?q=膝", "/blog/no-such-article/"]:
        policy = directives(client.get(url))
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert "'unsafe-inline'" not in policy["script-src"], url


def test_reader_pages_carry_no_inline_style_attribute(client, blog):
    article = make_article(blog, body=[video_block()])

    for url in ["/", "/blog/", article.url, "/search/?q=膝", "/blog/no-such-article/"]:
        html = reader_html(client.get(url))
        assert not re.search(r"<[^>]+\sstyle\s*=", html), url


def test_our_templates_have_no_inline_style_attribute_or_element():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"\sstyle\s*=|<style", text), template


def test_every_response_denies_powerful_browser_features(client, blog):
    for url in ["/", "/admin/login/", "/robots.txt"]:
        features = dict(
            part.strip().split("=", 1) for part in client.get(url).headers["Permissions-Policy"].split(",")
        )
        for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
            assert features[feature] == "()", (url, feature)


GOOGLE_ANALYTICS_HOSTS = {
    "script-src": "'self' https://*.googletagmanager.com",
    "img-src": "'self' https://i.ytimg.com data: https://*.google-analytics.com https://*.googletagmanager.com",
    # connect-src was left to default-src: widening it keeps 'self'
    "connect-src": "'self' https://*.google-analytics.com https://*.analytics.google.com https://*.googletagmanager.com",
}


@pytest.fixture
def measured(clinic):
    clinic.ga4_measurement_id = "G-ABC123DEF4"
    clinic.save()
    return clinic


def test_reader_policy_names_no_analytics_host_when_none_is_set(client, clinic, blog):
    article = make_article(blog)

    for url in ["/", article.url, "/external-transmission/"]:
        policy = directives(client.get(url))
        assert "connect-src" not in policy, url
        assert "google" not in client.get(url).headers["Content-Security-Policy"].replace("youtube", ""), url


def test_reader_policy_allows_exactly_google_analytics_hosts_once_set(client, measured, blog):
    article = make_article(blog)

    for url in ["/", "/blog/", article.url, "/search/?q=膝", "/external-transmission/", "/blog/no-such-article/"]:
        policy = directives(client.get(url))
        for directive, sources in GOOGLE_ANALYTICS_HOSTS.items():
            assert policy[directive] == sources, (url, directive)
        assert policy["frame-src"] == "https://www.youtube-nocookie.com", url
        assert "'unsafe-inline'" not in policy["script-src"], url


def test_a_cached_page_keeps_the_policy_its_tag_needs(client, measured, blog):
    article = make_article(blog)
    client.get(article.url)

    response = client.get(article.url)

    assert response["X-Page-Cache"] == "hit"
    assert directives(response)["script-src"] == GOOGLE_ANALYTICS_HOSTS["script-src"]


def test_editors_and_the_admin_never_get_analytics_hosts(admin_client, measured, blog):
    article = make_article(blog)

    for url in [article.url, "/admin/", reverse("wagtailadmin_pages:edit", args=(article.pk,))]:
        policy = admin_client.get(url).headers["Content-Security-Policy"]
        assert "google-analytics" not in policy and "googletagmanager" not in policy, url
