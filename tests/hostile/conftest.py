import pytest
from django.db import transaction
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article, make_hidden_articles, make_site


@pytest.fixture(scope="package")
def hostile_site(django_db_setup, django_db_blocker):
    """A small blog, built once for the whole hostile suite and rolled back
    after it; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        home, blog = make_site()
        author = AuthorFactory(slug="yamada", photo=ImageFactory())
        knee = CategoryFactory(name="膝の痛み", slug="knee")
        articles = [
            make_article(blog, title=f"膝の記事{i}", authors=[author], categories=[knee], tags=["膝", "ストレッチ"])
            for i in range(3)
        ]
        hidden = make_hidden_articles(blog, authors=[author], categories=[knee])
        locked = make_article(blog, title="パスワード付き", authors=[author], categories=[knee])
        PageViewRestriction.objects.create(page=locked, restriction_type=PageViewRestriction.PASSWORD, password="x")
        yield {"home": home, "blog": blog, "articles": articles, "hidden": hidden, "locked": locked}
        transaction.set_rollback(True)


@pytest.fixture
def reader_urls(hostile_site):
    """Every kind of page a reader can reach."""
    article = hostile_site["articles"][0]
    return [
        "/", "/blog/", article.url, "/blog/category/knee/", "/blog/tag/膝/", "/blog/author/yamada/",
        "/blog/feed/", "/blog/category/knee/feed/", "/search/", "/sitemap.xml", "/robots.txt",
        hostile_site["locked"].url, hostile_site["hidden"]["expired"].url, "/blog/no-such-article/",
    ]


@pytest.fixture
def hostile_client():
    """A client that answers as the server would (a 500 page, not a
    traceback) and checks CSRF as browsers meet it."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    return client


def assert_no_server_errors(results):
    errors = [(status, request) for request, status in results if status >= 500]
    assert not errors, f"{len(errors)} of {len(results)} requests got 5xx: {errors[:20]}"
