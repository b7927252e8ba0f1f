"""Exact purge: which tags a change touches, and sending the purge to the
app's page cache and to every caching proxy in front (deploy/varnish/)."""

import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import connection, transaction

from blog.links import ArticleCategory
from blog.models import ArticlePage
from blog.related import adjacent_articles
from tagcache import tokens

logger = logging.getLogger(__name__)
PROXY_TIMEOUT = 2


def article_change_tags(article):
    """Everything that shows, or could now show, this article: itself and
    every card of it (`page-N`), every listing, feed and sitemap
    (`articles`), the articles just before and after it, and the articles
    whose related list it can enter (tags.py)."""
    tags = {f"page-{article.pk}", "articles", "related-any"}
    tags |= {f"category-{pk}" for pk in ArticleCategory.objects.filter(page=article).values_list("category_id", flat=True)}
    neighbours = adjacent_articles(article, article.readable_siblings())
    tags |= {f"page-{neighbour.pk}" for neighbour in neighbours if neighbour is not None}
    return tags


def page_change_tags(page):
    """An article touches what article_change_tags says; any other page (home,
    the blog) shows in every page's header and breadcrumbs, so all go."""
    if not isinstance(page, ArticlePage) and page.specific_class is ArticlePage:
        page = page.specific  # a deletion may pass the base Page row
    if isinstance(page, ArticlePage):
        return article_change_tags(page)
    return {"site"}


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
