"""Redis frozen, stopped and restarted under a live gunicorn with
production's settings: readers keep getting every page, uncached, at most a
short timeout slower; logins keep working (sessions live in the database);
hits return by themselves; and a publish made while Redis was down leaves
no stale page once it is back (serving/redis_cache.py, serving/resilience.py)."""

import time

import pytest

from tests.html import without_phrase_markup
from tests.serving.conftest import fetch, free_port
from tests.serving.test_two_servers import log_in

from .conftest import ARTICLE, ARTICLE_TITLE, EDITOR, READER_URLS, tally, wait_until

pytestmark = [pytest.mark.fault, pytest.mark.redis]


def read_all(base, urls, rounds):
    """[(status, headers, body, seconds)] of every url, `rounds` times."""
    answers = []
    for _ in range(rounds):
        for url in urls:
            began = time.monotonic()
            status, headers, body = fetch(base + url, timeout=30)
            answers.append((status, headers, body, time.monotonic() - began))
    return answers


def warm(base, urls):
    """Read each page until the page cache answers it; the urls it keeps."""
    kept = []
    for url in urls:
        for _ in range(4):
            if fetch(base + url)[1].get("X-Page-Cache") == "hit":
                kept.append(url)
                break
    return kept


def hits(answers):
    return sum(headers.get("X-Page-Cache") == "hit" for _, headers, _, _ in answers)


def test_a_frozen_redis_costs_a_worker_one_short_timeout_then_hits_return(sqlite_stack, redis_server):
    base = f"http://127.0.0.1:{free_port()}"
    sqlite_stack.gunicorn(int(base.rsplit(":", 1)[1]))
    cached = warm(base, READER_URLS)
    assert len(cached) >= 5, cached

    redis_server.freeze()  # connections open, nothing answers: every read would time out
    began = time.monotonic()
    answers = read_all(base, READER_URLS, rounds=10)
    elapsed = time.monotonic() - began
    redis_server.thaw()
    recovery = wait_until(lambda: fetch(base + cached[0])[1]["X-Page-Cache"] == "hit", timeout=20)

    slow = sorted(seconds for *_, seconds in answers)[-4:]
    print(f"\nFIGURES redis frozen: {len(answers)} reads in {elapsed:.1f} s, 5xx={sum(s >= 500 for s, *_ in answers)}, "
          f"hits={hits(answers)}, four slowest {[round(s, 2) for s in slow]} s, hits back {recovery:.1f} s after thawing")
    assert tally(answers) == {200: 70}
    assert hits(answers) == 0
    # Each worker pays the timeout once, then skips Redis for a few seconds.
    assert sum(seconds > 0.4 for *_, seconds in answers) <= 6
    assert max(seconds for *_, seconds in answers) < 3


def test_with_redis_stopped_pages_logins_and_publishing_work_and_nothing_stale_remains(sqlite_stack, redis_server):
    stack = sqlite_stack
    base = f"http://127.0.0.1:{free_port()}"
    stack.gunicorn(int(base.rsplit(":", 1)[1]))
    stack.worker()
    pages = [ARTICLE, "/blog/", "/"]
    cached = warm(base, READER_URLS)
    assert set(pages) <= set(cached)

    # Redis keeps what it held across the restart (saved to disk), as a
    # Redis with persistence would: the old pages and their tags' tokens.
    redis_server.stop(save=True)
    stopped_at = time.monotonic()
    during = read_all(base, READER_URLS, rounds=10)
    editor, _ = log_in(base, *EDITOR)
    dashboard = editor.open(f"{base}/admin/", timeout=30)
    queued = stack.shell(
        "import json; from blog.models import ArticlePage; from django_tasks_db.models import DBTaskResult; "
        f"a = ArticlePage.objects.get(url_path__endswith='{ARTICLE}'); a.title = '停止中に直したタイトル'; "
        "a.save_revision().publish(); "
        "print(json.dumps(DBTaskResult.objects.filter(task_path__endswith='purge_tokens_later').count()))"
    )
    during += read_all(base, pages, rounds=2)
    redis_server.start()
    restarted_at = time.monotonic()
    after = read_all(base, pages, rounds=10)
    recovery = wait_until(lambda: fetch(base + ARTICLE)[1]["X-Page-Cache"] == "hit", timeout=20)

    stale = [body for _, _, body, _ in after if ARTICLE_TITLE in without_phrase_markup(body.decode())]
    print(f"\nFIGURES redis stopped {restarted_at - stopped_at:.1f} s: {len(during)} reads, "
          f"5xx={sum(s >= 500 for s, *_ in during + after)}, slowest {max(s for *_, s in during):.2f} s, "
          f"admin login ok={dashboard.status == 200}, publish lost=0, purges kept in the task queue={queued}, "
          f"stale answers after return={len(stale)} of {len(after)}, hits back {recovery:.1f} s after restart")
    assert tally(during + after) == {200: len(during) + len(after)}
    assert hits(during) == 0
    assert dashboard.status == 200 and "wagtail" in dashboard.read().decode()
    assert queued >= 1
    assert not stale
    assert "停止中に直したタイトル" in without_phrase_markup(fetch(base + ARTICLE)[2].decode())
