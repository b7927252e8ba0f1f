"""Keeping SearchEntry equal to what readers may see.

Only readable articles (ArticlePage.objects.readable()) are indexed; the query
checks readability again, so a page that turns private between two updates
is still never shown.
"""

import multiprocessing
from contextlib import contextmanager
from itertools import islice

from django.db import transaction

from .analyser import index_text
from .entry import SearchEntry

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
    from blog.models import ArticlePage

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
    from blog.models import ArticlePage

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


@contextmanager
def analysing(workers):
    """A map() over (page_id, title, body) that analyses in `workers`
    processes: analysing is CPU-bound and most of a rebuild's time. The
    workers only analyse text; this process reads and writes the database."""
    if workers <= 1:
        yield lambda items: [_analysed(item) for item in items]
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield lambda items: pool.map(_analysed, items, chunksize=8)


def rebuild(workers=1):
    """Every readable article, from scratch. Returns how many were indexed."""
    from blog.models import ArticlePage

    articles = _with_relations(ArticlePage.objects.readable().order_by("pk"))
    count = 0
    with transaction.atomic(), analysing(workers) as analyse:
        SearchEntry.objects.all().delete()
        for batch in batched(articles.iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            entries = analyse([(article.pk, *article_texts(article)) for article in batch])
            SearchEntry.objects.bulk_create(entries)
            count += len(entries)
    return count
