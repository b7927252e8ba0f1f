"""Where a reader goes after an article: related articles, and the previous
and next article in the blog. Both work on the article's readable siblings
(ArticlePage.readable_siblings, built once per page) and cost a fixed
number of queries however many articles exist."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from .links import ArticleCategory, ArticleTag

RELATED_LIMIT = 4
# How many of the newest articles of the primary category, and of those
# sharing a tag, are ranked: enough that the list rarely differs from
# ranking every article, few enough that a blog of 10,000 costs what one
# of 1,000 does.
CANDIDATES = 60


def related_articles(article, siblings, limit=RELATED_LIMIT):
    """Up to `limit` other articles of the same blog: those in this
    article's primary category first, then by how many tags they share
    with it, then newest first. Only candidates are ranked, each set read
    newest first along an index: the newest CANDIDATES in the primary
    category, the newest CANDIDATES sharing a tag, and the newest `limit`
    (so the list is full whenever the blog has enough articles). Ranking
    every sibling instead grows with the blog (and, on PostgreSQL, past a
    few thousand articles, costs a JIT compilation). Ready for article cards."""
    primary = article.primary_category
    own_tags = ArticleTag.objects.filter(content_object_id=article.pk).values("tag_id")
    newest = siblings.order_by("-first_published_at", "-pk").values_list("pk", flat=True)
    sharing_a_tag = Exists(ArticleTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=own_tags))
    candidates = {*newest[:limit], *newest.filter(sharing_a_tag)[:CANDIDATES]}
    if primary is not None:
        in_primary_category = Exists(ArticleCategory.objects.filter(page=OuterRef("pk"), category_id=primary.pk))
        candidates |= {*newest.filter(in_primary_category)[:CANDIDATES]}
    else:
        in_primary_category = Value(False)
    shared_tags = (
        ArticleTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=own_tags)
        .order_by()
        .values("content_object")
        .annotate(count=Count("pk"))
        .values("count")
    )
    ranked = (
        siblings.filter(pk__in=candidates)
        .for_listing()
        .annotate(
            in_primary_category=in_primary_category,
            shared_tags=Coalesce(Subquery(shared_tags, output_field=IntegerField()), 0),
        )
        .order_by("-in_primary_category", "-shared_tags", "-first_published_at", "-pk")
    )
    return list(ranked[:limit])


def adjacent_articles(article, siblings):
    """(previous, next): the readable articles published just before and
    just after this one in the same blog, either None at the ends, in one
    query. Ties on the publication time are broken by id so no article is
    skipped."""
    published = article.first_published_at
    if published is None:  # a preview of a page never published
        return None, None
    earlier = Q(first_published_at__lt=published) | Q(first_published_at=published, pk__lt=article.pk)
    later = Q(first_published_at__gt=published) | Q(first_published_at=published, pk__gt=article.pk)
    previous_pk = siblings.filter(earlier).order_by("-first_published_at", "-pk").values("pk")[:1]
    next_pk = siblings.filter(later).order_by("first_published_at", "pk").values("pk")[:1]
    previous = following = None
    for neighbour in siblings.filter(Q(pk=Subquery(previous_pk)) | Q(pk=Subquery(next_pk))):
        if (neighbour.first_published_at, neighbour.pk) < (published, article.pk):
            previous = neighbour
        else:
            following = neighbour
    return previous, following
