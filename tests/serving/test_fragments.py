"""What the caches behind a rendering keep (serving/sites.py, serving/pieces.py)
is fresh at once after the change that alters it, with the page cache off:
each of them is keyed on the tokens the page cache's purges renew."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from serving.sites import cached_site
from tests.factories import AuthorFactory, CategoryFactory, make_article
from tests.html import reader_html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def pair(blog):
    """An article and an older one in the same category, linked both ways."""
    category = CategoryFactory()
    now = timezone.now()
    older = make_article(blog, title="前に書いた記事", slug="older", categories=[category], published_at=now - timedelta(days=2))
    newer = make_article(blog, title="新しい記事", slug="newer", categories=[category], published_at=now - timedelta(days=1))
    return older, newer


def related_html(client, article):
    html = reader_html(client.get(article.url))
    return html.split('class="container container--narrow article-after"', 1)[1]


def test_a_linked_article_retitled_shows_its_new_title_at_once(client, pair):
    older, newer = pair
    assert "前に書いた記事" in related_html(client, newer)

    older.title = "書き直した記事"
    older.save_revision().publish()

    after = related_html(client, newer)
    assert "書き直した記事" in after and "前に書いた記事" not in after


def test_an_unpublished_linked_article_leaves_the_links_at_once(client, pair):
    older, newer = pair
    assert "前に書いた記事" in related_html(client, newer)

    older.unpublish()

    assert "前に書いた記事" not in related_html(client, newer)


def test_a_new_article_enters_the_related_list_at_once(client, blog, pair):
    older, newer = pair
    related_html(client, older)

    make_article(blog, title="いま公開した記事", categories=newer.categories)

    assert "いま公開した記事" in related_html(client, older)


def test_an_article_made_private_leaves_the_links_and_listings_at_once(client, blog, pair):
    older, newer = pair
    assert "前に書いた記事" in related_html(client, newer)

    PageViewRestriction.objects.create(page=older, restriction_type=PageViewRestriction.LOGIN)

    assert "前に書いた記事" not in related_html(client, newer)
    assert "前に書いた記事" not in reader_html(client.get(blog.url))


def test_an_author_renamed_shows_on_the_cards_that_link_to_them(client, blog):
    author = AuthorFactory(name="旧姓の著者")
    first = make_article(blog, authors=[author])
    second = make_article(blog, authors=[author])
    client.get(second.url)

    author.name = "新姓の著者"
    author.save()

    assert "新姓の著者" in reader_html(client.get(first.url))


def test_clinic_settings_show_at_once(client, clinic, home):
    assert "0466-00-0000" in reader_html(client.get("/"))

    clinic.phone = "0466-99-9999"
    clinic.save()

    assert "0466-99-9999" in reader_html(client.get("/"))


def test_a_site_given_another_root_answers_from_it_at_once(client, rf, home, blog):
    site = Site.objects.get(is_default_site=True)
    assert cached_site(rf.get("/", HTTP_HOST="localhost"))[0].root_page == home
    other = home.add_child(instance=type(home)(title="別のホーム", slug="other-home"))  # not live: max_count aside
    site.root_page = other
    site.save()

    assert cached_site(rf.get("/", HTTP_HOST="localhost"))[0].root_page.pk == other.pk


def test_a_host_not_allowed_gets_no_cache_entry(rf, settings, site_tree):
    settings.ALLOWED_HOSTS = ["localhost"]

    assert cached_site(rf.get("/", HTTP_HOST="evil.example")) is None
    assert cached_site(rf.get("/", HTTP_HOST="localhost")) is not None
