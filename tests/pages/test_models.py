"""固定ページ (ContentPage): a plain page of body blocks under the home page."""

import pytest

from blog.models import BlogIndexPage
from home.models import HomePage
from pages.models import ContentPage
from tests.factories import ImageFactory, sample_body
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html


@pytest.fixture
def access(home):
    page = ContentPage(title="アクセス", slug="access", body=sample_body(ImageFactory()))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_content_page_renders_its_blocks_in_the_site_design(client, access, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    client.get("/access/")  # the figure's rendition is made once
    with django_assert_max_num_queries(MAX_QUERIES["content page"]):
        response = client.get("/access/")
    html = reader_html(response)
    assert response.status_code == 200
    assert '<h1 class="article__title">アクセス</h1>' in html
    assert "膝の内側が痛む原因" in html and "腫れているときは受診を。" in html
    assert 'aria-label="パンくずリスト"' in html and "ホーム" in html
    assert 'href="/blog/"' in html  # the header still links to the blog


def test_content_pages_nest_and_show_their_ancestors_in_breadcrumbs(client, access):
    child = ContentPage(title="駐車場", slug="parking")
    access.add_child(instance=child)
    child.save_revision().publish()
    html = reader_html(client.get("/access/parking/"))
    assert '<a href="/access/">アクセス</a>' in html


def test_content_page_is_offered_under_home_but_not_under_the_blog(home, blog):
    assert ContentPage in HomePage.allowed_subpage_models()
    assert ContentPage not in BlogIndexPage.allowed_subpage_models()
    assert not ContentPage.can_create_at(blog)


def test_content_page_is_in_the_sitemap_and_drafts_are_not(client, access, home):
    draft = ContentPage(title="料金（準備中）", slug="price", live=False)
    home.add_child(instance=draft)
    sitemap = reader_html(client.get("/sitemap-pages.xml"))
    assert "/access/" in sitemap and "/price/" not in sitemap
    assert client.get("/price/").status_code == 404
