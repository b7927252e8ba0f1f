"""Keeping SearchEntry equal to what readers may see.

Only readable articles (ArticlePage.objects.readable()) are indexed; the query
checks readability again, so a page that turns private between two updates
is still never shown.
"""

import multiprocessing
from contextlib import contextmanager
from itertools import islice

from django.db import transaction

from blog.models import ArticlePage

from .analyser import index_text
from .models import SearchEntry

BATCH_SIZE = 200


def reader_text(article):
    """The lead and every block's text, as a reader reads them."""
    body_field = article._meta.get_field("body")
    parts = [article.lead, *body_field.get_searchable_content(article.body)]
    return "\n".join(part for part in parts if part)


def article_texts(article):
    """(title, body) as plain text: the body gathers the lead, every block's
    text, the categories and the tags, so all of them can be found."""
    parts = [reader_text(article)]
    parts += [link.category.name for link in article.article_categories.all()]
    parts += [tag.name for tag in article.tags.all()]
    return article.title, "\n".join(part for part in parts if part)


def entry_for(article):
    title, body = article_texts(article)
    return SearchEntry(page_id=article.pk, title=index_text(title), body=index_text(body))


def _with_relations(articles):
    return articles.prefetch_related("article_categories__category", "tags")


def index_articles(articles):
    """(Re)index the readable ones among `articles` (a queryset of ArticlePage)
    and drop the entries of the others."""
    ids = list(articles.values_list("pk", flat=True))
    readable = _with_relations(ArticlePage.objects.readable().filter(pk__in=ids))
    entries = [entry_for(article) for article in readable]
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=ids).delete()
        SearchEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    return len(entries)


def index_subtree(page):
    """A page and its descendants: moves and view restrictions change what
    readers may see below them."""
    return index_articles(ArticlePage.objects.descendant_of(page, inclusive=True))


def remove_articles(page_ids):
    SearchEntry.objects.filter(page_id__in=page_ids).delete()


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _analysed(item):
    page_id, title, body = item
    return SearchEntry(page_id=page_id, title=index_text(title), body=index_text(body))


class _Done:
    """An analysis that has already happened (no worker processes)."""

    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


@contextmanager
def analysing(workers):
    """A function that starts analysing a list of (page_id, title, body) and
    returns a handle whose get() gives the entries. With `workers` > 1 it runs
    in that many processes and returns at once, so this process can read the
    next batch and write the previous one meanwhile: analysing is CPU-bound
    and most of a rebuild's time. The workers only analyse text; this process
    reads and writes the database."""
    if workers <= 1:
        yield lambda items: _Done([_analysed(item) for item in items])
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield lambda items: pool.map_async(_analysed, items, chunksize=max(1, len(items) // (4 * workers)))


def rebuild(workers=1):
    """Every readable article, from scratch. Returns how many were indexed."""
    articles = _with_relations(ArticlePage.objects.readable().order_by("pk"))
    count = 0
    with transaction.atomic(), analysing(workers) as analyse:
        SearchEntry.objects.all().delete()
        pending = None
        for batch in batched(articles.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            started = analyse([(article.pk, *article_texts(article)) for article in batch])
            if pending:
                count += _write(pending.get())
            pending = started
        if pending:
            count += _write(pending.get())
    return count


def _write(entries):
    SearchEntry.objects.bulk_create(entries)
    return len(entries)
