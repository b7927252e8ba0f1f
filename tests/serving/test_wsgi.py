"""serving/wsgi.py: page-cache hits answered in front of Django, as gunicorn
runs the site (site_project.wsgi.application), with exactly what the
middleware stored, and everything else left to Django."""

import urllib.parse
import wsgiref.util

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from blog.models import ArticlePage
from site_project.wsgi import application
from tests.factories import make_article
from tests.html import without_phrase_markup

pytestmark = pytest.mark.django_db


def serve(path, **headers):
    """(status, headers, body) from the WSGI application, the environ built
    as a server builds it: the path percent-decoded into Latin-1 text.
    X-Django says whether Django saw the request at all."""
    environ = {"PATH_INFO": urllib.parse.unquote_to_bytes(path).decode("latin-1"), "HTTP_HOST": "testserver", **headers}
    wsgiref.util.setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    requests = []

    def count(**kwargs):
        requests.append(kwargs)

    # As Django's test client does: the test's transaction holds the
    # database connection, which the end of a request would close.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(count)
    try:
        result = application(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):  # as a server does: Django's response sends request_finished
            result.close()
    finally:
        request_started.disconnect(count)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], {**answer["headers"], "X-Django": "yes" if requests else "no"}, body


@pytest.fixture
def article(blog):
    # A Japanese slug: the server's Latin-1 path and Django's decoded one must name the same entry.
    return make_article(blog, title="膝の痛みを和らげるストレッチ", slug="膝の痛み")


def test_hit_is_the_stored_page_with_every_header_the_rendered_page_had(client, article):
    rendered = client.get(article.url, HTTP_HOST="testserver")
    ArticlePage.objects.filter(pk=article.pk).update(title="ORMで書き換えたタイトル")  # no publish, no purge

    status, headers, body = serve(article.url)

    assert rendered["X-Page-Cache"] == "miss"
    assert (status, headers["X-Page-Cache"], headers.pop("X-Django")) == ("200 OK", "hit", "no")
    assert body == rendered.content
    assert "膝の痛みを和らげるストレッチ" in without_phrase_markup(body.decode())
    # Security headers, CSP, caching headers: the hit skipped the middleware that set them.
    assert {k: v for k, v in headers.items() if k != "X-Page-Cache"} == {
        k: v for k, v in rendered.items() if k != "X-Page-Cache"
    }
    assert "Set-Cookie" not in headers


def test_publish_ends_the_hit_at_once(client, article):
    serve(article.url)
    assert serve(article.url)[1]["X-Page-Cache"] == "hit"
    article.title = "公開し直したタイトル"
    article.save_revision().publish()

    status, headers, body = serve(article.url)

    assert headers["X-Page-Cache"] == "miss"
    assert "公開し直したタイトル" in without_phrase_markup(body.decode())


def test_session_cookie_and_conditional_requests_go_on_to_django(client, article):
    etag = serve(article.url)[1]["ETag"]

    personal = serve(article.url, HTTP_COOKIE="sessionid=someone-elses-session")
    conditional = serve(article.url, HTTP_IF_NONE_MATCH=etag)

    assert (personal[1]["X-Page-Cache"], personal[1]["X-Django"]) == ("pass", "yes")
    assert "private" in personal[1]["Cache-Control"]
    assert (conditional[0], conditional[1]["X-Django"]) == ("304 Not Modified", "yes")
    assert conditional[2] == b""


def test_post_is_never_answered_from_the_cache(client, article):
    serve(article.url)

    status, headers, _ = serve(article.url, REQUEST_METHOD="POST")

    assert headers["X-Page-Cache"] == "pass"
