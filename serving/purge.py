"""Exact purge: the tags a change touches (declared per page type in
declarations.py), sent to the app's page cache and to every caching proxy
in front (deploy/varnish/)."""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import connection, transaction

from . import declarations, tags as cache_tags, tokens

logger = logging.getLogger(__name__)
PROXY_TIMEOUT = 2


def page_change_tags(page):
    """What a page's publish, unpublish or deletion purges, as its type
    declares (declarations.py); a type that declares nothing reaches every
    page."""
    if type(page) is not page.specific_class:
        page = page.specific  # a deletion may pass the base Page row
    declared = declarations.for_page(page)
    return declared.purges(page) if declared is not None else {cache_tags.SITE}


def purge(tags):
    """Purge now and again once the transaction commits. The first purge
    stops readers getting the old page; a page rendered between the two from
    the not yet committed data is caught by the second."""
    tags = sorted(set(tags))
    if not tags:
        return
    _purge_everywhere(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _purge_everywhere(tags))


def _purge_everywhere(tags):
    tokens.purge(tags)
    for url in settings.SERVING_PROXY_PURGE_URLS:
        ban(url, tags)


def ban(url, tags):
    """Ask a Varnish to drop every object carrying any of the tags (a BAN,
    see deploy/varnish/teate.vcl). Tags are [a-z0-9-], safe inside a regex."""
    request = urllib.request.Request(url, method="BAN", headers={"X-Purge-Tags": "|".join(tags)})
    try:
        with urllib.request.urlopen(request, timeout=PROXY_TIMEOUT) as response:
            response.read()
    except (urllib.error.URLError, OSError) as error:
        # The proxy keeps old pages at most SERVING_SHARED_MAX_AGE seconds.
        logger.error("Purging the proxy at %s failed: %s", url, error)
