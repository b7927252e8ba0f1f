"""Exact purge: the tags a change touches (declared per page type in
declarations.py), sent to the app's page cache and to every caching proxy
in front (deploy/varnish/)."""

from django.db import connection, transaction

from . import declarations, tags as cache_tags

from .proxy import ban_after_commit
from .resilience import purge_tokens


def page_change_tags(page):
    """What a page's publish, unpublish or deletion purges, as its type
    declares (declarations.py); a type that declares nothing reaches every
    page."""
    if type(page) is not page.specific_class:
        page = page.specific  # a deletion may pass the base Page row
    declared = declarations.for_page(page)
    return declared.purges(page) if declared is not None else {cache_tags.SITE}


def purge(tags):
    """Purge the page cache now and again once the transaction commits. The
    first purge stops readers getting the old page; a page rendered between
    the two from the not yet committed data is caught by the second. The
    proxies are purged by the task worker after the commit (proxy.py)."""
    tags = sorted(set(tags))
    if not tags:
        return
    purge_tokens(tags)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: purge_tokens(tags))
    ban_after_commit(tags)
