"""Search indexes updated once per import instead of on every save.

A page is saved three times on its way to published (add_child,
save_revision, publish), and each save makes modelsearch re-read and
re-index it, and each publish makes the reader index (search.signals)
analyse it again. Inside `deferred_indexing()` both only happen once, in
batches, when the import's writing is done, still inside its transaction,
so the pages are searchable as soon as it commits.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

from blog.models import ArticlePage
from pages.models import ContentPage
from search import signals as reader_index
from search.index import BATCH_SIZE, batched

PAGE_MODELS = (ArticlePage, ContentPage)


@contextmanager
def deferred_indexing():
    """Yields a set: add the IDs of the pages written. Saves in other threads
    keep being indexed at once (Django's signals are per process)."""
    importing = threading.get_ident()
    page_ids = set()

    def index_other_threads(sender, instance, **kwargs):
        if threading.get_ident() != importing:
            post_save_signal_handler(instance, **kwargs)

    models = [model for model in PAGE_MODELS if post_save.disconnect(post_save_signal_handler, sender=model)]
    for model in models:
        post_save.connect(index_other_threads, sender=model, weak=False)
    try:
        with reader_index.deferred():
            yield page_ids
    finally:
        for model in models:
            post_save.disconnect(index_other_threads, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    _index(models, page_ids)


def _index(models, page_ids):
    backends = list(get_search_backends(with_auto_update=True))
    for ids in batched(sorted(page_ids), BATCH_SIZE):
        for model in models:
            pages = list(model.get_indexed_objects().filter(pk__in=ids))
            for backend in backends if pages else ():
                backend.add_bulk(model, pages)
