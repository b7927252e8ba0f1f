"""Purging the caching proxies in front (deploy/varnish/teate.vcl), off the
editor's request: each BAN is a background task run by the task worker once
the change is committed, and retried with a growing delay (backoff.py) while
a proxy does not answer. The app's own page cache is purged at once
(purge.py); a proxy may show the old page until the worker has run, which
with `db_worker --interval 0.25` is well within a second."""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import backoff

logger = logging.getLogger(__name__)
PROXY_TIMEOUT = 2
# Above Wagtail's own tasks (search and reference indexes), which a publish
# queues at the same moment: readers wait for this one.
PRIORITY = 50


def ban_after_commit(tags):
    """Queue one BAN per proxy once the current transaction commits (at once
    outside one): a rolled-back change purges nothing, and the page the proxy
    fetches next is rendered from the committed data."""
    tags = sorted(tags)
    for url in settings.SERVING_PROXY_PURGE_URLS:
        transaction.on_commit(lambda url=url: ban_proxy.enqueue(url, tags))


@task(priority=PRIORITY)
def ban_proxy(url, tags, attempt=0):
    if not ban(url, tags) and not backoff.retry_later(ban_proxy, attempt, url, tags):
        # The proxy keeps old pages at most SERVING_SHARED_MAX_AGE seconds.
        logger.error("The proxy at %s was not purged of %s", url, ",".join(tags))


def ban(url, tags):
    """Ask a Varnish to drop every object carrying any of the tags (a BAN,
    see deploy/varnish/teate.vcl). Tags are [a-z0-9-], safe inside a regex.
    True when the proxy said it did."""
    request = urllib.request.Request(url, method="BAN", headers={"X-Purge-Tags": "|".join(tags)})
    try:
        with urllib.request.urlopen(request, timeout=PROXY_TIMEOUT) as response:
            response.read()
            return True
    except (urllib.error.URLError, OSError) as error:
        logger.warning("Purging the proxy at %s failed: %s", url, error)
        return False
