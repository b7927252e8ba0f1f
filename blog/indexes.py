"""/blog/category/ and /blog/author/: every category and every author a
reader can find articles under, each with its number of readable articles.

Snippets nobody is credited with on a readable article (a draft's only
author, a retired category) are left out, so no link leads to an empty
listing. One query each, however many articles.
"""

from django.db.models import Count, F, Func, IntegerField, OuterRef, Q, Subquery

from .snippets import Author, Category


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
    監修 reviewer, by name, with their photos."""
    credited = readable.model.objects.filter(pk__in=readable.values("pk")).crediting(OuterRef("pk"))
    # COUNT as a plain function, not an aggregate: no GROUP BY, one row per author.
    count = credited.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return (
        Author.objects.select_related("photo")
        .prefetch_related("photo__renditions")
        .annotate(article_count=Subquery(count, output_field=IntegerField()))
        .filter(article_count__gt=0)
        .order_by("name_kana", "name")
    )

