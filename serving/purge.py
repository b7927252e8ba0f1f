"""Exact purge: which tags a change touches, and sending the purge to the
app's page cache and to every caching proxy in front (deploy/varnish/)."""

from django.db import connection, transaction

from blog.links import ArticleCategory
from blog.models import ArticlePage
from blog.related import adjacent_articles

from .proxy import ban_after_commit
from .resilience import purge_tokens


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
