"""/blog/category/ and /blog/author/: every category and every author a
reader can find articles under, each with its number of readable articles.

Snippets nobody is credited with on a readable article (a draft's only
author, a retired category) are left out, so no link leads to an empty
listing. One query each, however many articles. `listing_dates` gives the
sitemap every such listing with its newest article's date. Pages read them
through `kept` (kept.py).
"""

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest

from taggit.models import Tag

from .kept import kept as kept_value
from .snippets import Author, Category

# route name, the model behind it, and how an article points at one: an
# author as a writer or as the credited 監修 reviewer (ArticlePageQuerySet.crediting).
LISTINGS = (
    ("category", Category, ["article_categories__category"]),
    ("tag", Tag, ["tagged_items__tag"]),
    ("author", Author, ["article_authors__author", "credited_reviewer"]),
)


def kept(blog, find):
    """find(the blog's readable articles) as a list, kept until the next
    publish (kept.py): it counts them all."""
    return kept_value(find.__name__, lambda: list(find(blog.articles())), blog.pk)


def categories_with_articles(readable):
    """Categories with at least one of `readable` (an ArticlePage queryset), in their set order."""
    in_readable = Q(article_links__page__in=readable.values("pk"))
    return (
        Category.objects.annotate(article_count=Count("article_links", filter=in_readable, distinct=True))
        .filter(article_count__gt=0)
        .order_by("sort_order", "name")
    )


def credited_authors(readable):
    """Authors credited on at least one of `readable`, as a writer or as the
    監修 reviewer (each article once), by name, with their photos (whose
    renditions the page reads afresh: a kept list would keep them as they
    were, none on a first rendering)."""
    in_readable = Q(article_links__page__in=readable.values("pk"))
    written = Count("article_links", filter=in_readable, distinct=True)
    return (
        Author.objects.select_related("photo")
        .annotate(article_count=written + count_of(readable.reviewed_only_by(OuterRef("pk"))))
        .filter(article_count__gt=0)
        .order_by("name_kana", "name")
    )


def count_of(articles):
    # COUNT as a plain function, not an aggregate: no GROUP BY, one row per author.
    counted = articles.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def latest(dates):
    """The latest of several SQL dates, any of which may be NULL: each is
    replaced by the next non-NULL one first, since SQLite's GREATEST of a
    NULL is NULL (PostgreSQL's skips it)."""
    return Greatest(*(Coalesce(*dates[i:], *dates[:i]) for i in range(len(dates))))


def listing_dates(readable):
    """(route, slug, newest date) of each category, tag and author listing
    with one of `readable`: the newest written or reviewed, for an author."""
    found = []
    for route, model, links in LISTINGS:
        newest = [
            Subquery(linked.order_by("-last_published_at").values("last_published_at")[:1])
            for linked in (readable.filter(**{link: OuterRef("pk")}) for link in links)
        ]
        lastmod = newest[0] if len(newest) == 1 else latest(newest)
        rows = model.objects.annotate(lastmod=lastmod).filter(lastmod__isnull=False)
        found += [(route, slug, date) for slug, date in rows.values_list("slug", "lastmod")]
    return found
