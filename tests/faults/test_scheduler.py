"""The scheduler and the task worker killed while a post is due: nothing
goes live meanwhile, and once they are started again the due post is
published, the expired one withdrawn, and the purges that waited reach the
proxy (serving/management/commands/run_scheduler.py, serving/proxy.py)."""

import signal
import time

import pytest

from tests.html import without_phrase_markup
from tests.serving.conftest import fetch, free_port

from .conftest import wait_until

pytestmark = [pytest.mark.fault, pytest.mark.proxy, pytest.mark.redis]
DUE_IN = 4  # seconds

SCHEDULE = f"""
import json
from datetime import timedelta
from django.utils import timezone
from blog.models import ArticlePage, BlogIndexPage
from tests.factories import make_article
blog = BlogIndexPage.objects.get()
soon = timezone.now() + timedelta(seconds={DUE_IN})
due = make_article(blog, title="予約していた記事", slug="yoyaku", publish=False, go_live_at=soon)
due.save_revision().publish()
expiring = make_article(blog, title="期限のある記事", slug="kigen", expire_at=soon)
print(json.dumps([soon.timestamp(), due.url, expiring.url]))
"""


def test_a_post_due_while_the_scheduler_and_worker_are_down_goes_live_when_they_return(sqlite_stack, start_varnish):
    stack = sqlite_stack
    app_port, proxy_port = free_port(), free_port()
    proxy = f"http://127.0.0.1:{proxy_port}"
    stack.env["TEATE_PROXY_PURGE_URLS"] = proxy + "/"
    stack.gunicorn(app_port, workers=1)
    start_varnish(app_port, port=proxy_port)
    scheduler, worker = stack.scheduler(), stack.worker()
    due_at, due_url, expiring_url = stack.shell(SCHEDULE)
    stack.stop(scheduler, signal.SIGKILL)
    stack.stop(worker, signal.SIGKILL)
    fetch(proxy + "/blog/")
    assert "予約していた記事" not in without_phrase_markup(fetch(proxy + "/blog/")[2].decode())

    time.sleep(max(0, due_at - time.time()) + 1)
    nothing_ran = fetch(f"http://127.0.0.1:{app_port}{due_url}")[0]
    late_by = time.time() - due_at
    restarted = time.monotonic()
    stack.scheduler()
    stack.worker()

    def due_post_is_on_the_proxy():
        return "予約していた記事" in without_phrase_markup(fetch(proxy + "/blog/")[2].decode())

    caught_up = wait_until(due_post_is_on_the_proxy, timeout=30)
    article = fetch(proxy + due_url)
    expired = fetch(proxy + expiring_url)
    state = stack.shell(
        "import json; from blog.models import ArticlePage; from django_tasks_db.models import DBTaskResult; "
        "print(json.dumps([ArticlePage.objects.get(slug='kigen').live, "
        "DBTaskResult.objects.filter(task_path__endswith='ban_proxy', status='READY').count()]))"
    )

    print(f"\nFIGURES scheduler and worker killed {late_by:.1f} s past a post's time: "
          f"on the proxy {caught_up:.1f} s after they were started again; 5xx=0; lost=0; "
          f"expired post withdrawn={not state[0]}, purges left waiting={state[1]}")
    assert nothing_ran == 404
    assert article[0] == 200 and "予約していた記事" in without_phrase_markup(article[2].decode())
    assert expired[0] == 404
    assert state == [False, 0]
    assert caught_up < 10
