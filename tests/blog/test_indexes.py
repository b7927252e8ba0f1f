"""/blog/category/ and /blog/author/: every category and author with
readable articles, and no one else."""

import pytest

from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, approve_review, make_article, make_hidden_articles
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_category_index_lists_categories_with_readable_articles_and_their_counts(client, blog):
    knee, back = CategoryFactory(name="膝の痛み", slug="knee"), CategoryFactory(name="腰痛", slug="back")
    unused = CategoryFactory(name="使われていない", slug="unused")
    hidden_only = CategoryFactory(name="下書きだけ", slug="drafts")
    make_article(blog, categories=[knee])
    make_article(blog, categories=[knee, back])
    make_hidden_articles(blog, categories=[hidden_only])

    response = client.get("/blog/category/")
    html = reader_html(response)

    assert response.status_code == 200
    assert 'href="/blog/category/knee/"' in html and "2件の記事" in html
    assert 'href="/blog/category/back/"' in html and "1件の記事" in html
    assert unused.name not in html and hidden_only.name not in html
    assert '<link rel="canonical" href="http://localhost/blog/category/">' in html


def test_author_index_lists_credited_authors_only(client, blog):
    yamada = AuthorFactory(name="山田 遥", slug="yamada", photo=ImageFactory())
    retired = AuthorFactory(name="退職した人", slug="retired")
    ghost = AuthorFactory(name="下書きの人", slug="ghost")
    make_article(blog, authors=[yamada])
    make_hidden_articles(blog, authors=[ghost])

    html = reader_html(client.get("/blog/author/"))

    assert 'href="/blog/author/yamada/"' in html and "山田 遥" in html and "1件の記事" in html
    assert 'loading="lazy"' in html and "srcset=" in html
    assert retired.name not in html and ghost.name not in html


def test_empty_blog_has_empty_indexes_not_errors(client, blog):
    for url in ("/blog/category/", "/blog/author/"):
        response = client.get(url)
        assert response.status_code == 200 and "まだ記事がありません。" in reader_html(response)


@pytest.mark.parametrize("count", [3, 30])
def test_indexes_answer_in_a_fixed_number_of_queries(client, blog, count, django_assert_max_num_queries):
    authors = [AuthorFactory(photo=ImageFactory()) for _ in range(count)]
    categories = [CategoryFactory() for _ in range(count)]
    for author, category in zip(authors, categories):
        make_article(blog, authors=[author], categories=[category])
    for url in ("/blog/category/", "/blog/author/"):
        client.get(url)  # renditions now exist, as on a live site

        with django_assert_max_num_queries(12, info=url):
            assert client.get(url).status_code == 200


def test_author_index_lists_an_author_who_only_reviews(client, blog):
    writer = AuthorFactory(name="山田 遥", slug="yamada")
    doctor = AuthorFactory(name="高橋 誠", slug="takahashi")
    approve_review(make_article(blog, authors=[writer], reviewer=doctor))
    approve_review(make_article(blog, authors=[writer], reviewer=doctor))
    make_article(blog, authors=[writer], reviewer=doctor)  # named, never approved: no credit, not counted
    make_article(blog, authors=[doctor], reviewer=doctor)  # wrote and named: one article, counted once

    html = reader_html(client.get("/blog/author/"))

    entry = html[html.index('href="/blog/author/takahashi/"'):]
    assert "高橋 誠" in entry and "3件の記事" in entry[: entry.index("</li>")]
    assert 'href="/blog/author/yamada/"' in html


def test_reviewing_only_hidden_articles_does_not_list_an_author(client, blog):
    writer = AuthorFactory(name="山田 遥", slug="yamada")
    make_article(blog, authors=[writer])
    make_hidden_articles(blog, authors=[writer], reviewer=AuthorFactory(name="非公開の監修者", slug="hidden-doctor"))

    html = reader_html(client.get("/blog/author/"))

    assert "非公開の監修者" not in html and "hidden-doctor" not in html
    assert client.get("/blog/author/hidden-doctor/").status_code == 404
