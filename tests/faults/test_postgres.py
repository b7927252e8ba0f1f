"""PostgreSQL stopped and restarted under a live gunicorn (a cluster of the
test's own): readers get what the page cache holds, or a Japanese 503 with
Retry-After, never a 500; logins made meanwhile are refused, none is
half-kept; once it is back every page answers again
(site_project/errors.py, docs/operations.md)."""

import re
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie

import pytest

from tests.serving.conftest import fetch, free_port

from .conftest import ARTICLE, DEMO_CONTENT, EDITOR, READER_URLS, Stack, stack_env, tally, wait_until

pytestmark = [pytest.mark.fault, pytest.mark.redis]
UNHELD = "/blog/henkeisei-shitsukansetsusho/"


def login_form(base):
    """(csrftoken cookie, form token) for the admin's login form."""
    status, headers, body = fetch(f"{base}/admin/login/")
    cookie = SimpleCookie(headers["Set-Cookie"])["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    return cookie, token


def log_in(base, cookie, token):
    """(status, sessionid or None) of one login."""
    data = urllib.parse.urlencode({"username": EDITOR[0], "password": EDITOR[1], "csrfmiddlewaretoken": token})
    status, headers, body = fetch(
        f"{base}/admin/login/", {"Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"},
        method="POST", data=data.encode(), timeout=30,
    )
    cookies = SimpleCookie("\n".join(headers.get_all("Set-Cookie") or []))
    return status, body, cookies["sessionid"].value if "sessionid" in cookies else None


def test_with_postgresql_stopped_readers_get_cached_pages_or_a_japanese_503_and_no_login_is_half_kept(
    postgres_cluster, redis_server, tmp_path
):
    stack = Stack(env=stack_env(tmp_path, postgres_cluster.url, redis_server.url), workdir=tmp_path)
    try:
        stack.manage("migrate", "--noinput", "-v0", timeout=300)
        stack.shell(DEMO_CONTENT, timeout=300)
        port = free_port()
        stack.gunicorn(port)
        base = f"http://127.0.0.1:{port}"
        for _ in range(2):
            for url in READER_URLS:
                fetch(base + url)
        cookie, token = login_form(base)

        logins, stop = [], threading.Event()

        def keep_logging_in():
            while not stop.is_set():
                logins.append(log_in(base, cookie, token))

        writer = threading.Thread(target=keep_logging_in)
        writer.start()
        time.sleep(0.5)
        postgres_cluster.stop()
        stopped_at = time.monotonic()
        held = [fetch(base + url) for url in READER_URLS for _ in range(3)]
        unheld = fetch(base + UNHELD)
        time.sleep(1)
        postgres_cluster.start()
        restarted_at = time.monotonic()
        recovery = wait_until(lambda: fetch(base + UNHELD)[0] == 200, timeout=30)
        stop.set()
        writer.join()

        kept = [session for status, _, session in logins if status == 302 and session]
        refused = [body for status, body, _ in logins if status == 503]
        lost = [session for session in kept
                if fetch(f"{base}/admin/", {"Cookie": f"sessionid={session}"})[0] != 200]
        statuses = {**tally(held), "unheld": unheld[0]}
        print(f"\nFIGURES postgresql stopped {restarted_at - stopped_at:.1f} s: reads {statuses}, "
              f"logins {tally(logins)} (kept {len(kept)}, refused {len(refused)}, lost {len(lost)}), "
              f"every page back {recovery:.2f} s after restart")
        assert all(status in (200, 503) for status, *_ in held)
        assert tally(held).get(200, 0) >= 12  # what the page cache held
        assert fetch(base + ARTICLE)[0] == 200
        assert unheld[0] == 503 and unheld[1]["Retry-After"] == "30"
        assert "ただいま表示できません" in unheld[2].decode() and "Traceback" not in unheld[2].decode()
        assert refused and all("ただいま表示できません" in body.decode() for body in refused)
        assert all(status in (200, 302, 503) for status, *_ in logins), tally(logins)
        assert not lost
    finally:
        stack.stop_all()
