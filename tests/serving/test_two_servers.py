"""Two gunicorn servers and the task worker sharing PostgreSQL and Redis
behind one Varnish, as the compose file runs them: an editor publishes
through one, and within a second the proxy and the other server show the
new version."""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.factories import make_article
from tests.html import without_phrase_markup

from .conftest import ROOT, fetch, free_port, require, wait_for_port

pytestmark = [pytest.mark.proxy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def database_url():
    db = connection.settings_dict
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def production_env(tmp_path, redis_required):
    require(connection.vendor == "postgresql", "TEATE_REQUIRE_POSTGRES", "two app servers need PostgreSQL (set DATABASE_URL)")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "DJANGO_SECRET_KEY": "two-servers-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.TEST_REDIS_URL,
        "REDIS_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    return env


@pytest.fixture
def two_servers_behind_proxy(production_env, start_varnish, settings):
    ports = [free_port(), free_port()]
    proxy_port = free_port()  # chosen now so the servers know where to purge
    servers = []
    try:
        proxy = None
        for port in ports:
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "site_project.wsgi:application",
                     "--workers", "1", "--bind", f"127.0.0.1:{port}"],
                    cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    env={**production_env, "TEATE_PROXY_PURGE_URLS": f"http://127.0.0.1:{proxy_port}/"},
                )
            )
        # The task worker sends the proxy's purges (serving/proxy.py), as compose runs it.
        servers.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.25", "--no-startup-delay"],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={**production_env, "TEATE_PROXY_PURGE_URLS": f"http://127.0.0.1:{proxy_port}/"},
            )
        )
        for port in ports:
            wait_for_port(port, timeout=60)
        proxy = start_varnish(*ports, port=proxy_port)
        settings.SERVING_PROXY_PURGE_URLS = [proxy]
        yield proxy, [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=15)


def log_in(server, username, password):
    """A urllib opener holding an admin session on that server."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{server}/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    opener.open(f"{server}/admin/login/", data.encode(), timeout=30)
    assert any(cookie.name == "sessionid" for cookie in jar)
    return opener, jar


def test_publish_through_one_server_is_seen_through_the_proxy_and_the_other_within_a_second(
    two_servers_behind_proxy, blog, django_user_model
):
    proxy, (server_a, server_b) = two_servers_behind_proxy
    # Hashed as production checks it (the test settings hash with MD5).
    django_user_model.objects.create_superuser("editor", "editor@example.com").__class__.objects.filter(
        username="editor"
    ).update(password=PBKDF2PasswordHasher().encode("pw-editor-1", "teate-test-salt"))
    article = make_article(blog, title="最初のタイトル")
    for url in (proxy, server_b):
        fetch(url + article.url)
        fetch(url + blog.url)
    assert fetch(proxy + article.url)[1]["X-Proxy-Cache"] == "hit"
    assert fetch(server_b + blog.url)[1]["X-Page-Cache"] == "hit"
    article.title = "書き直したタイトル"
    article.save_revision()  # a draft: readers still see the old title
    assert "書き直したタイトル" not in without_phrase_markup(fetch(proxy + article.url)[2].decode())

    editor, jar = log_in(server_a, "editor", "pw-editor-1")
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token}).encode()
    editor.open(f"{server_a}/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/", data, timeout=30)
    published = time.monotonic()

    seen = {}
    while time.monotonic() - published < 1 and len(seen) < 4:
        for name, url in [("proxy", proxy + article.url), ("proxy index", proxy + blog.url),
                          ("server B", server_b + article.url), ("server B index", server_b + blog.url)]:
            if name not in seen and "書き直したタイトル" in without_phrase_markup(fetch(url)[2].decode()):
                seen[name] = time.monotonic() - published
    assert set(seen) == {"proxy", "proxy index", "server B", "server B index"}, seen
