"""Listings give the 監修 credit by the article page's rule (blog/credit.py):
only where the named reviewer approved the live text. Naming a reviewer
puts no badge on a card, no article on their author page and nothing in
their count; their approval does, until different text is published."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from blog.models import ArticlePage
from tests.factories import AuthorFactory, CategoryFactory, approve_review, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db

BADGE = '<span class="card__role">監修</span>'
LISTINGS = ("/blog/", "/blog/category/knee/", "/blog/author/yamada/", "/blog/author/takahashi/")


@pytest.fixture
def named(blog, doctor):
    """Live, naming the doctor as its 監修, never approved by them."""
    return make_article(
        blog,
        title="膝の内側が痛むとき",
        slug="knee",
        authors=[AuthorFactory(name="山田 花子", slug="yamada")],
        categories=[CategoryFactory(name="膝の痛み", slug="knee")],
        reviewer=doctor,
    )


def listing_html(client, url):
    response = client.get(url)
    return reader_html(response) if response.status_code == 200 else ""


def reviewer_entry(client):
    html = reader_html(client.get("/blog/author/"))
    if 'href="/blog/author/takahashi/"' not in html:
        return None
    entry = html[html.index('href="/blog/author/takahashi/"') :]
    return entry[: entry.index("</li>")]


def assert_not_credited(client):
    for url in LISTINGS:
        assert BADGE not in listing_html(client, url), url
    assert client.get("/blog/author/takahashi/").status_code == 404
    assert reviewer_entry(client) is None


def assert_credited(client):
    reviewer_page = reader_html(client.get("/blog/author/takahashi/"))
    assert "膝の内側が痛むとき" in reviewer_page and BADGE in reviewer_page
    assert "1件の記事" in reviewer_entry(client)
    for url in LISTINGS[:3]:
        html = listing_html(client, url)
        assert "膝の内側が痛むとき" in html and BADGE not in html, url  # a writer's listing: no 監修 badge


def test_naming_a_reviewer_credits_them_on_no_listing(client, named):
    assert ArticlePage.objects.get(pk=named.pk).credited_reviewer_id is None

    assert_not_credited(client)


def test_the_reviewers_approval_credits_them_on_the_listings(client, named, writer, doctor_user):
    assert_not_credited(client)  # now in the page cache

    approve_review(named, doctor_user, writer)

    assert_credited(client)


def test_different_text_published_directly_withdraws_the_credit_from_the_listings(client, named, writer, doctor_user):
    approve_review(named, doctor_user, writer)
    assert_credited(client)  # now in the page cache

    edited = ArticlePage.objects.get(pk=named.pk)
    edited.lead = "この体操で膝の痛みは必ず治ります。"
    edited.save_revision().publish()

    assert ArticlePage.objects.get(pk=named.pk).credited_reviewer_id is None
    assert_not_credited(client)
    assert "膝の内側が痛むとき" in listing_html(client, "/blog/author/yamada/")


def test_publishing_the_approved_text_again_keeps_the_credit_on_the_listings(client, named, writer, doctor_user):
    approve_review(named, doctor_user, writer)

    ArticlePage.objects.get(pk=named.pk).save_revision().publish()  # a new revision, the same text

    assert_credited(client)


def test_the_migration_credits_an_existing_database_by_the_same_rule(named, writer, doctor_user, blog):
    approve_review(named, doctor_user, writer)
    unapproved = make_article(blog, slug="unapproved", reviewer=named.reviewer)
    ArticlePage.objects.update(credited_reviewer=None)  # as before the field existed
    migration = importlib.import_module("blog.migrations.0010_article_credited_reviewer")
    historical = MigrationExecutor(connection).loader.project_state(("blog", "0010_article_credited_reviewer")).apps

    migration.credit_existing_articles(historical, None)

    assert ArticlePage.objects.get(pk=named.pk).credited_reviewer_id == named.reviewer_id
    assert ArticlePage.objects.get(pk=unapproved.pk).credited_reviewer_id is None
