"""Exact purge: after each kind of change, every URL that shows it is fresh
at once, while it was served from the cache just before (serving/purge.py)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Site

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog_world(blog, settings):
    """Three articles in one category, tag and author, two per listing page."""
    settings.BLOG_PAGE_SIZE = 2
    author, category = AuthorFactory(name="山田花子"), CategoryFactory(name="膝の痛み")
    now = timezone.now()
    old = [
        make_article(
            blog, title=f"古い記事{i}", authors=[author], categories=[category], tags=["ひざ"],
            published_at=now - timedelta(days=10 - i),
        )
        for i in range(3)
    ]
    tag = Tag.objects.get(name="ひざ")
    return {"blog": blog, "author": author, "category": category, "tag": tag, "old": old}


def listing_urls(world):
    blog, slug = world["blog"].url, world["category"].slug
    return [
        "/",
        blog,
        f"{blog}?page=2",
        f"{blog}category/{slug}/",
        f"{blog}tag/{world['tag'].slug}/",
        f"{blog}author/{world['author'].slug}/",
        f"{blog}feed/",
        f"{blog}category/{slug}/feed/",
        "/sitemap-articles.xml",
    ]


def warm(client, urls):
    """Read every URL twice; the second read must come from the cache, or the
    test would prove nothing."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return reader_html(response)


def test_publishing_refreshes_every_listing_feed_sitemap_and_the_neighbours(client, blog_world):
    first, middle, newest = blog_world["old"]
    urls = [*listing_urls(blog_world), newest.url, first.url]
    warm(client, urls)

    article = make_article(
        blog_world["blog"], title="新しく公開した記事", slug="brand-new",
        authors=[blog_world["author"]], categories=[blog_world["category"]], tags=["ひざ"],
    )

    for url in listing_urls(blog_world):
        page = read(client, url)
        if url.endswith("?page=2"):
            assert "古い記事1" in page, url  # pushed down from page 1
        elif url == "/sitemap-articles.xml" or url.endswith("/feed/"):
            assert "brand-new" in page, url
        else:
            assert "新しく公開した記事" in page, url
    assert "新しく公開した記事" in read(client, newest.url)  # its "next" link
    assert "新しく公開した記事" in read(client, first.url)  # related: same category and tag
    assert client.get(article.url)["X-Page-Cache"] == "miss"


def test_unpublishing_removes_the_article_everywhere_at_once(client, blog_world):
    first, middle, newest = blog_world["old"]
    warm(client, [*listing_urls(blog_world), newest.url, first.url])

    middle.unpublish()

    for url in [*listing_urls(blog_world), newest.url, first.url]:
        if url.endswith("?page=2"):
            assert client.get(url).status_code == 404  # two articles left: one page
        else:
            assert "古い記事1" not in read(client, url), url
    assert client.get(middle.url).status_code == 404


def test_editing_a_title_refreshes_the_cards_in_other_articles(client, blog_world):
    first, middle, newest = blog_world["old"]
    warm(client, [newest.url, first.url, blog_world["blog"].url])

    middle.title = "書き直したタイトル"
    middle.save_revision().publish()

    for url in [newest.url, first.url, blog_world["blog"].url, middle.url]:
        assert "書き直したタイトル" in read(client, url), url


def test_deleting_an_article_refreshes_what_listed_it(client, blog_world):
    first, middle, newest = blog_world["old"]
    warm(client, listing_urls(blog_world) + [first.url])

    ArticlePage.objects.get(pk=middle.pk).delete()

    for url in [*listing_urls(blog_world), first.url]:
        if url.endswith("?page=2"):
            assert client.get(url).status_code == 404
        else:
            assert "古い記事1" not in read(client, url), url


@pytest.mark.parametrize("change", ["author", "category", "tag"])
def test_renaming_an_author_category_or_tag_refreshes_the_articles(client, blog_world, change):
    article = blog_world["old"][0]
    thing = blog_world[change]
    listing = f"{blog_world['blog'].url}{change}/{thing.slug}/"
    warm(client, [article.url, listing])

    thing.name = "新しい名前"
    thing.save()

    assert "新しい名前" in read(client, article.url)
    assert "新しい名前" in read(client, listing)


def test_changing_the_clinic_settings_refreshes_every_footer(client, blog_world):
    article = blog_world["old"][0]
    warm(client, [article.url, "/", blog_world["blog"].url])

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.clinic_name = "ふじさわ整体院"
    clinic.save()

    for url in [article.url, "/", blog_world["blog"].url]:
        assert "ふじさわ整体院" in read(client, url), url


def test_scheduled_publishing_purges_like_a_manual_publish(client, blog_world):
    warm(client, listing_urls(blog_world))
    article = make_article(blog_world["blog"], title="予約していた記事", slug="scheduled-one", publish=False)
    revision = article.save_revision()
    ArticlePage.objects.filter(pk=article.pk).update(go_live_at=timezone.now() - timedelta(seconds=1))
    revision.approved_go_live_at = timezone.now() - timedelta(seconds=1)
    revision.save()

    call_command("publish_scheduled")

    assert "予約していた記事" in read(client, blog_world["blog"].url)
    assert "scheduled-one" in read(client, f"{blog_world['blog'].url}feed/")
    assert "scheduled-one" in read(client, "/sitemap-articles.xml")


def test_expiry_purges_the_article_and_its_listings(client, blog_world):
    newest = blog_world["old"][2]
    warm(client, [newest.url, blog_world["blog"].url])
    ArticlePage.objects.filter(pk=newest.pk).update(expire_at=timezone.now() - timedelta(seconds=1))

    call_command("publish_scheduled")

    assert client.get(newest.url).status_code == 404
    assert "古い記事2" not in read(client, blog_world["blog"].url)


def test_an_image_edited_or_deleted_refreshes_the_pages_that_show_it(client, blog_world):
    article = blog_world["old"][0]
    image = ImageFactory()
    article.hero_image = image
    article.save_revision().publish()
    urls = [article.url, blog_world["blog"].url]
    warm(client, urls)
    old_src = read(client, article.url).split('class="article__hero"', 1)[1].split('src="', 1)[1].split('"', 1)[0]

    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 20, 20
    image.save()

    html = read(client, article.url)
    assert old_src not in html  # the new focal point's rendition, under its own URL
    assert client.get(blog_world["blog"].url)["X-Page-Cache"] == "miss"

    warm(client, urls)
    image.delete()

    assert 'class="article__hero"' not in read(client, article.url)
    assert client.get(blog_world["blog"].url)["X-Page-Cache"] == "miss"


def test_recording_an_image_size_while_rendering_purges_nothing(client, blog_world):
    article = blog_world["old"][0]
    warm(client, [article.url])
    image = ImageFactory()

    image.file_size = None
    image.get_file_size()  # Wagtail saves it with update_fields=["file_size"]

    assert client.get(article.url)["X-Page-Cache"] == "hit"
