"""Keeping SearchEntry equal to what readers may see.

Only readable articles (ArticlePage.objects.readable()) are indexed; the query
checks readability again, so a page that turns private between two updates
is still never shown.
"""

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


def rebuild(progress=None):
    """Every readable article, from scratch. Returns how many were indexed."""
    from blog.models import ArticlePage

    articles = _with_relations(ArticlePage.objects.readable().order_by("pk"))
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        batch = []
        for article in articles.iterator(chunk_size=BATCH_SIZE):
            batch.append(entry_for(article))
            if len(batch) == BATCH_SIZE:
                SearchEntry.objects.bulk_create(batch)
                count += len(batch)
                batch = []
                if progress:
                    progress(count)
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
    return count
