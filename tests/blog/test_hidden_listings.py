"""A category, tag or author listing exists only while a readable article
credits it: hidden articles never show through their snippets."""

import feedparser
import pytest
from taggit.models import Tag

from tests.factories import AuthorFactory, CategoryFactory, approve_review, make_article, make_hidden_articles
from tests.html import reader_html

pytestmark = pytest.mark.django_db

REASONS = ["draft", "private", "scheduled", "expired"]


@pytest.mark.parametrize("reason", REASONS)
def test_tag_used_only_by_a_hidden_article_is_404(client, blog, reason):
    make_hidden_articles(blog, tags=["秘密の治療"])
    make_article(blog, title="公開中の記事", tags=["ストレッチ"])
    slug = Tag.objects.get(name="秘密の治療").slug

    response = client.get(f"/blog/tag/{slug}/")

    assert response.status_code == 404
    assert "秘密の治療" not in reader_html(response)


def test_tag_only_in_a_draft_revision_of_a_live_article_is_404(client, blog):
    article = make_article(blog, title="公開中の記事", tags=["ストレッチ"])
    article.tags.add("未公開のタグ")
    article.save_revision()  # saved as a draft, not published
    slug = Tag.objects.get(name="未公開のタグ").slug

    assert client.get(f"/blog/tag/{slug}/").status_code == 404
    assert client.get(f"/blog/tag/{Tag.objects.get(name='ストレッチ').slug}/").status_code == 200


@pytest.mark.parametrize("reason", REASONS)
def test_category_and_its_feed_credited_only_on_a_hidden_article_are_404(client, blog, reason):
    secret = CategoryFactory(name="非公開カテゴリー", slug="secret")
    make_hidden_articles(blog, categories=[secret])

    assert client.get("/blog/category/secret/").status_code == 404
    assert client.get("/blog/category/secret/feed/").status_code == 404


@pytest.mark.parametrize("reason", REASONS)
def test_author_credited_only_on_a_hidden_article_is_404(client, blog, reason):
    ghost = AuthorFactory(name="非公開の著者", slug="ghost")
    make_hidden_articles(blog, authors=[ghost])

    assert client.get("/blog/author/ghost/").status_code == 404


def test_reviewer_of_a_readable_article_has_a_page_listing_it(client, blog):
    doctor = AuthorFactory(name="高橋 誠", slug="takahashi")
    article = approve_review(make_article(blog, title="監修つきの記事", reviewer=doctor))

    response = client.get("/blog/author/takahashi/")

    assert response.status_code == 200
    assert article.title in reader_html(response)


def test_author_page_labels_the_articles_they_only_reviewed(client, blog):
    doctor = AuthorFactory(name="高橋 誠", slug="takahashi")
    approve_review(make_article(blog, title="監修した記事", reviewer=doctor))
    make_article(blog, title="自分で書いた記事", authors=[doctor])

    html = reader_html(client.get("/blog/author/takahashi/"))

    cards = {card.split("</h3>")[0].rsplit(">", 1)[-1]: card for card in html.split('<article class="card">')[1:]}
    assert set(cards) == {"監修した記事", "自分で書いた記事"}
    assert '<span class="card__role">監修</span>' in cards["監修した記事"]
    assert "card__role" not in cards["自分で書いた記事"]


def test_category_with_a_readable_article_is_listed(client, blog):
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    make_article(blog, title="膝の記事", categories=[knee])

    assert client.get("/blog/category/knee/").status_code == 200
    assert client.get("/blog/category/knee/feed/").status_code == 200


def test_feed_titles_are_escaped_exactly_once(client, blog):
    title = '膝 & 腰の<痛み> "ストレッチ" AT&T'
    make_article(blog, title=title)

    feed = feedparser.parse(client.get("/blog/feed/").content)

    assert [entry.title for entry in feed.entries] == [title]
