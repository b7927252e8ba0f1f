"""Publishing, unpublishing, moving and restricting pages update the index at once.

A bulk writer (the WordPress import) wraps its work in `deferred()`: the
signals then only note which pages changed, and leaving the block indexes
them in batches, still inside the writer's transaction. Re-analysing one
article per signal costs more than the rest of an imported post's save.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from blog.models import ArticlePage

from . import index

_deferred = threading.local()


@contextmanager
def deferred():
    """Index the pages the signals noted once, on leaving the block without
    an error (with one, the caller's transaction is rolled back anyway)."""
    noted = _deferred.pages = {}  # page ID → whether its subtree matters
    try:
        yield
    finally:
        del _deferred.pages
    for batch in index.batched([pk for pk, subtree in noted.items() if not subtree], index.BATCH_SIZE):
        index.index_articles(ArticlePage.objects.filter(pk__in=batch))
    for page in Page.objects.filter(pk__in=[pk for pk, subtree in noted.items() if subtree]):
        index.index_subtree(page)


def _reindex(page, subtree=True):
    noted = getattr(_deferred, "pages", None)
    if noted is None:
        index.index_subtree(page)
    else:
        noted[page.pk] = noted.get(page.pk, False) or subtree


@receiver(page_published)
def index_published_article(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        _reindex(instance, subtree=False)


@receiver(page_unpublished)
def drop_unpublished_pages(sender, instance, **kwargs):
    # Unpublishing the blog index hides every article below it as well.
    _reindex(instance, subtree=not isinstance(instance, ArticlePage))


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    _reindex(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_restricted_pages(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _reindex(page, subtree=not isinstance(page.specific_deferred, ArticlePage))
