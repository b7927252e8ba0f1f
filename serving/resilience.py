"""What keeps a purge when Redis is down (docs/operations.md, "Redis down").

A token purge that cannot reach Redis (serving/tokens.py returns the tags
it could not write) is kept as a task row in the database and retried by the
task worker until Redis takes it, so it survives the restart of every app
process. Meanwhile each process that saw the outage purges `site` on its
first contact with Redis again (serving/redis_cache.py), before it reads
anything: between the two, no page stored before the outage is served."""

import logging

from django_tasks import task

from . import backoff, tokens

logger = logging.getLogger(__name__)


def purge_tokens(tags):
    """Purge now; what Redis did not take waits in the task queue."""
    failed = tokens.purge(tags)
    if failed:
        purge_tokens_later.enqueue(sorted(failed))


@task(priority=60)
def purge_tokens_later(tags, attempt=0):
    failed = tokens.purge(tags)
    if failed and not backoff.retry_later(purge_tokens_later, attempt, failed):
        logger.error("Redis has not taken the purge of %s", ",".join(failed))
