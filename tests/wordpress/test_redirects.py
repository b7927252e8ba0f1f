"""Every old WordPress URL answers 301 to its new page, through the real
middleware, whether the Japanese path arrives percent-encoded or not."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from blog.models import ArticlePage
from pages.models import ContentPage

KNEE = "/blog/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/"


def assert_301(client, path, location, **query):
    response = client.get(path, query)
    assert response.status_code == 301, path
    assert response["Location"] == location
    return response


@pytest.mark.parametrize(
    "path",
    [
        "/%e8%86%9d%e3%81%ae%e7%97%9b%e3%81%bf/",  # as WordPress wrote it
        "/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/",  # as a browser sends it
        "/膝の痛み/",  # decoded, as a LINE message may carry it
        "/膝の痛み",
    ],
)
def test_japanese_permalink_redirects_in_every_form(client, imported, path):
    assert_301(client, path, KNEE)


def test_post_and_page_ids_redirect(client, imported):
    assert_301(client, "/", KNEE, p="10")
    assert_301(client, "/", "/blog/classic-post/", p="11")
    assert_301(client, "/", "/access/", page_id="30")
    assert_301(client, "/", "/access/parking/", page_id="31")



def test_category_tag_and_feed_archives_redirect_to_teate_listings(client, imported):
    assert_301(client, "/category/%e8%86%9d%e3%81%ae%e7%97%9b%e3%81%bf/", "/blog/category/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/")
    assert_301(client, "/category/uncategorized/", "/blog/category/uncategorized/")
    assert_301(client, "/tag/%e3%82%b9%e3%83%88%e3%83%ac%e3%83%83%e3%83%81/", "/blog/tag/%E3%82%B9%E3%83%88%E3%83%AC%E3%83%83%E3%83%81/")
    assert_301(client, "/feed/", "/blog/feed/")
    assert_301(client, "/", "/blog/feed/", feed="rss2")
    # and the targets answer
    assert client.get("/blog/category/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/").status_code == 200
    assert client.get("/blog/tag/%E3%82%B9%E3%83%88%E3%83%AC%E3%83%83%E3%83%81/").status_code == 200


def test_hidden_posts_get_no_redirect(client, imported):
    assert client.get("/", {"p": "12"}).status_code == 200  # a draft: the home page, not a leak
    assert client.get("/private-post/").status_code == 404
    assert not Redirect.objects.filter(old_path__contains="private-post").exists()


def test_redirects_are_permanent_wagtail_redirects(imported):
    redirect = Redirect.objects.get(old_path="/膝の痛み")
    assert redirect.is_permanent and redirect.redirect_page.specific == ArticlePage.objects.get(slug="膝の痛み")


def test_ordinary_query_strings_on_the_home_page_are_untouched(client, imported):
    assert client.get("/", {"p": "999"}).status_code == 200
    assert client.get("/", {"utm_source": "line"}).status_code == 200

def test_a_page_whose_path_did_not_change_is_served_not_redirected(client, imported):
    assert ContentPage.objects.get(title="料金").url == "/%E6%96%99%E9%87%91/"
    assert client.get("/%e6%96%99%e9%87%91/").status_code == 200
    assert not Redirect.objects.filter(old_path="/料金").exists()
