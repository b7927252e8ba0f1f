"""Retrying a background task later, with a growing delay, through the task
queue (django-tasks-db's rows in the database, run by `manage.py db_worker`):
a purge that could not be sent waits there, across restarts of every
process, until its proxy or Redis takes it."""

import logging
from datetime import timedelta

from django.utils import timezone

logger = logging.getLogger(__name__)

FIRST_DELAY = 1.0
MAX_DELAY = 300.0
# 1, 2, 4 … 256 s, then every 5 minutes: about an hour and a half in all,
# longer than any page is kept (SERVING_SHARED_MAX_AGE) while a proxy is up.
MAX_ATTEMPTS = 25


def delay(attempt):
    return min(FIRST_DELAY * 2**attempt, MAX_DELAY)


def retry_later(task, attempt, *args):
    """Enqueue task(*args, attempt=attempt + 1) after delay(attempt) seconds.
    False when it gives up: too many attempts, or a task backend that runs
    tasks at once and cannot wait (tests, `make demo` without the worker)."""
    if attempt + 1 >= MAX_ATTEMPTS:
        logger.error("Giving up %s%r after %d attempts", task.name, args, attempt + 1)
        return False
    if not task.get_backend().supports_defer:
        return False
    run_after = timezone.now() + timedelta(seconds=delay(attempt))
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
    return True
