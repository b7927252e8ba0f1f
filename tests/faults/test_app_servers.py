"""App servers failing: a gunicorn worker killed mid-traffic, and every app
server stopped behind a real varnishd probing them (deploy/varnish/teate.vcl):
readers get what the proxy holds and a Japanese 503 for the rest; when the
app returns, a publish reaches the proxy through the task worker within a
second (serving/proxy.py)."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.html import without_phrase_markup
from tests.serving.conftest import ROOT, fetch, free_port

from .conftest import ARTICLE, READER_URLS, tally, wait_until

pytestmark = [pytest.mark.fault, pytest.mark.proxy, pytest.mark.redis]
UNHELD = "/blog/henkeisei-shitsukansetsusho/"
NEW_TITLE = "戻ってから公開したタイトル"


def workers_of(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def test_a_killed_gunicorn_worker_is_replaced_and_readers_behind_the_proxy_never_notice(sqlite_stack, start_varnish):
    port = free_port()
    master = sqlite_stack.gunicorn(port)
    proxy = start_varnish(port, probe=True)
    answers, stop = [], threading.Event()

    def read():
        # A query string of its own: each read is rendered by a worker.
        while not stop.is_set():
            for url in READER_URLS:
                try:
                    answers.append(fetch(f"{proxy}{url}{'&' if '?' in url else '?'}n={len(answers)}", timeout=30))
                except OSError:
                    answers.append(("connection error",))

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()
    time.sleep(1)
    victim = workers_of(master)[0]
    os.kill(victim, signal.SIGKILL)
    killed_at = time.monotonic()
    replaced = wait_until(lambda: len(workers_of(master)) == 2 and victim not in workers_of(master), timeout=30)
    time.sleep(1)
    stop.set()
    for reader in readers:
        reader.join()

    failed = len(answers) - tally(answers).get(200, 0)
    print(f"\nFIGURES gunicorn worker killed behind varnish: {len(answers)} reads, failed={failed} "
          f"({ {k: v for k, v in tally(answers).items() if k != 200} }), worker replaced after {replaced:.1f} s")
    # What the killed worker was answering, the proxy asked the other one.
    assert failed == 0
    assert time.monotonic() - killed_at < 30


def publish_while_watching(stack, proxy, url, title):
    """Publish a new title from another process and read the proxy until it
    shows it: seconds from the commit to the proxy showing it."""
    code = (
        "import json, time; from blog.models import ArticlePage; "
        f"a = ArticlePage.objects.get(url_path__endswith='{url}'); a.title = '{title}'; "
        "a.save_revision().publish(); print(json.dumps(time.time()))"
    )
    shell = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=stack.env,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    seen_at = None
    deadline = time.monotonic() + 60
    while seen_at is None and time.monotonic() < deadline:
        if title in without_phrase_markup(fetch(proxy + url)[2].decode()):
            seen_at = time.time()
        time.sleep(0.02)
    published_at = float(shell.communicate(timeout=60)[0].strip().splitlines()[-1])
    assert seen_at is not None, "the proxy never showed the publish"
    return seen_at - published_at


def test_with_every_app_server_stopped_the_proxy_serves_what_it_holds_then_purges_reach_it(sqlite_stack, start_varnish):
    stack = sqlite_stack
    app_port, proxy_port = free_port(), free_port()
    proxy = f"http://127.0.0.1:{proxy_port}"
    stack.env["TEATE_PROXY_PURGE_URLS"] = proxy + "/"
    # Pages live 2 s in the proxy: what it serves once the app is down is past its life (grace).
    gunicorn = stack.gunicorn(app_port, workers=1, FAULT_MAX_AGE="2")
    stack.worker()
    start_varnish(app_port, port=proxy_port, probe=True)
    wait_until(lambda: fetch(proxy + "/")[0] == 200, timeout=20)
    for _ in range(2):
        for url in READER_URLS:
            fetch(proxy + url)

    stack.stop(gunicorn)
    stopped_at = time.monotonic()
    time.sleep(2.5)  # every held copy is past its life
    held = [fetch(proxy + url) for url in READER_URLS for _ in range(3)]
    unheld = fetch(proxy + UNHELD)
    sick_after = wait_until(lambda: fetch(proxy + UNHELD)[0] == 503 and fetch(proxy + "/")[0] == 200, timeout=10)
    held += [fetch(proxy + url) for url in READER_URLS]

    gunicorn = stack.gunicorn(app_port, workers=1)
    restarted_at = time.monotonic()
    back = wait_until(lambda: fetch(proxy + UNHELD)[0] == 200, timeout=30)
    visible = publish_while_watching(stack, proxy, ARTICLE, NEW_TITLE)

    print(f"\nFIGURES every app server stopped {restarted_at - stopped_at:.1f} s behind varnish: "
          f"{len(held)} reads of held pages, 5xx={sum(s >= 500 for s, *_ in held)}, "
          f"unheld page {unheld[0]}, app back in the proxy after {back:.1f} s, "
          f"publish seen through the proxy {visible:.2f} s after its commit")
    assert tally(held) == {200: len(held)}
    assert unheld[0] == 503 and unheld[1]["Retry-After"] == "30"
    assert "ただいま表示できません" in unheld[2].decode()
    assert sick_after < 10
    assert visible < 1
