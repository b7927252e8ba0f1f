"""Proxy purges through the task worker (serving/proxy.py): queued once the
change commits, never sent inside the editor's request, and asked again
later while the proxy does not answer; a token purge Redis did not take
waits in the queue too (serving/resilience.py)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from serving import backoff, proxy
from serving.purge import purge
from serving.resilience import purge_tokens_later

from .conftest import free_port

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = DATABASE_TASKS


def queued(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY").order_by("enqueued_at")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_ban_is_queued_after_the_commit_and_never_for_a_rolled_back_change(queued_tasks, settings):
    settings.SERVING_PROXY_PURGE_URLS = ["http://127.0.0.1:1/", "http://127.0.0.1:2/"]

    with transaction.atomic():
        purge({"page-7", "articles"})
        assert not queued(proxy.ban_proxy).exists()
    with pytest.raises(RuntimeError), transaction.atomic():
        purge({"page-8"})
        raise RuntimeError("the editor's save failed")

    bans = [ban.args_kwargs["args"] for ban in queued(proxy.ban_proxy)]
    assert sorted(bans) == [["http://127.0.0.1:1/", ["articles", "page-7"]], ["http://127.0.0.1:2/", ["articles", "page-7"]]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_proxy_that_does_not_answer_is_asked_again_later_with_a_growing_delay(queued_tasks):
    down = f"http://127.0.0.1:{free_port()}/"

    before = timezone.now()
    proxy.ban_proxy.call(down, ["site"])
    proxy.ban_proxy.call(down, ["site"], attempt=3)

    first, fourth = queued(proxy.ban_proxy)
    assert first.args_kwargs == {"args": [down, ["site"]], "kwargs": {"attempt": 1}}
    assert fourth.args_kwargs["kwargs"] == {"attempt": 4}
    assert before + timedelta(seconds=1) <= first.run_after < before + timedelta(seconds=3)
    assert before + timedelta(seconds=8) <= fourth.run_after < before + timedelta(seconds=10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_retries_stop_after_the_last_attempt(queued_tasks):
    proxy.ban_proxy.call(f"http://127.0.0.1:{free_port()}/", ["site"], attempt=backoff.MAX_ATTEMPTS - 1)

    assert not queued(proxy.ban_proxy).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_token_purge_redis_did_not_take_waits_in_the_queue(queued_tasks, settings, redis_required):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {"BACKEND": "serving.redis_cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0"},
    }
    settings.SERVING_CACHE_ALIAS = "unreachable"

    purge_tokens_later.call(["page-3", "site"])

    (waiting,) = queued(purge_tokens_later)
    assert waiting.args_kwargs == {"args": [["page-3", "site"]], "kwargs": {"attempt": 1}}
