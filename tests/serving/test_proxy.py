"""deploy/varnish/teate.vcl, run by Debian's varnishd in front of a live
Teate: cache hits, purge on publish, nothing cached for editors, gzip only
where no secret is, and slow clients that no longer stall a gunicorn worker."""

import gzip
import os
import socket
import subprocess
import sys
import time

import pytest
from wagtail.models import PageViewRestriction

from serving import tags
from tests.factories import make_article
from tests.html import without_phrase_markup

from .conftest import ROOT, fetch, free_port, wait_for_port

pytestmark = [pytest.mark.proxy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def proxy(live_server, start_varnish, settings, site_tree):
    url = start_varnish(int(live_server.url.rsplit(":", 1)[1]))
    settings.SERVING_PROXY_PURGE_URLS = [url]
    return url


def test_second_anonymous_read_comes_from_the_proxy_gzipped(proxy, blog):
    article = make_article(blog, title="肩こりをほぐす体操")

    first = fetch(proxy + article.url, {"Accept-Encoding": "gzip"})
    status, headers, body = fetch(proxy + article.url, {"Accept-Encoding": "gzip"})

    assert first[1]["X-Proxy-Cache"] == "miss"
    assert (status, headers["X-Proxy-Cache"]) == (200, "hit")
    assert headers["Content-Encoding"] == "gzip"
    assert "肩こりをほぐす体操" in without_phrase_markup(gzip.decompress(body).decode())
    assert "X-Cache-Tags" not in headers


def test_publishing_purges_the_proxy_at_once(proxy, blog):
    make_article(blog, title="最初の記事")
    fetch(proxy + blog.url)
    assert fetch(proxy + blog.url)[1]["X-Proxy-Cache"] == "hit"

    make_article(blog, title="いま公開した記事")

    status, headers, body = fetch(proxy + blog.url)
    assert "いま公開した記事" in without_phrase_markup(body.decode())
    assert headers["X-Proxy-Cache"] == "miss"


def test_logged_in_editor_passes_the_proxy_and_anonymous_readers_never_get_their_page(proxy, blog, client, django_user_model):
    article = make_article(blog, title="腰痛の記事")
    fetch(proxy + article.url)
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "pw"))
    session = {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}

    editor_views = [fetch(proxy + article.url, session) for _ in range(2)]
    reader = fetch(proxy + article.url)

    assert all("wagtail-userbar" in body.decode() for _, _, body in editor_views)
    assert editor_views[1][1]["X-Proxy-Cache"] == "miss"
    assert "wagtail-userbar" not in reader[2].decode()


def test_page_with_a_csrf_token_is_neither_cached_nor_compressed(proxy, blog):
    article = make_article(blog, title="パスワード付きの記事")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="pw")

    responses = [fetch(proxy + article.url, {"Accept-Encoding": "gzip"}) for _ in range(2)]

    assert all(b"csrfmiddlewaretoken" in body for _, _, body in responses)  # plain text: not gzipped
    assert [headers["X-Proxy-Cache"] for _, headers, _ in responses] == ["miss", "miss"]
    assert all("Content-Encoding" not in headers for _, headers, _ in responses)


def test_only_the_app_servers_may_purge(proxy):
    assert fetch(proxy + "/", {"X-Purge-Tags": tags.SITE}, method="BAN")[0] == 200
    assert fetch(proxy + "/", {"X-Purge-Tags": "site) || obj.status ~ (.*"}, method="BAN")[0] == 400


def _slow_clients(port, count):
    """Connections that send half a request and then nothing (slowloris)."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        sockets.append(sock)
    return sockets


def test_slow_clients_hold_the_proxy_not_the_single_gunicorn_worker(start_varnish):
    app_port = free_port()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "site_project.wsgi:application", "--workers", "1",
         "--bind", f"127.0.0.1:{app_port}", "--timeout", "60"],
        cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "site_project.settings.test"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(app_port)
        proxy = start_varnish(app_port)
        proxy_port = int(proxy.rsplit(":", 1)[1])
        assert fetch(proxy + "/static/css/site.css?warm", timeout=30)[0] == 200  # the worker has loaded Django
        slow = _slow_clients(proxy_port, 5)

        # A stalled worker would answer only after its 60 s timeout.
        began = time.monotonic()
        status, _, _ = fetch(proxy + "/static/css/site.css", timeout=30)
        through_proxy = time.monotonic() - began

        # The same worker without the proxy: one slow client and it is stuck.
        direct_slow = _slow_clients(app_port, 1)
        with pytest.raises((TimeoutError, socket.timeout, OSError)):
            fetch(f"http://127.0.0.1:{app_port}/static/css/site.css", timeout=5)
        for sock in slow + direct_slow:
            sock.close()
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=15)

    assert status == 200
    assert through_proxy < 5
