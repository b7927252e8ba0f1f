"""/blog/category/ and /blog/author/: every category and every author a
reader can find articles under, each with its number of readable articles.

Snippets nobody is credited with on a readable article (a draft's only
author, a retired category) are left out, so no link leads to an empty
listing. One query each, however many articles.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from . import seo
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
    """Authors credited on at least one of `readable`, by name, with their photos."""
    in_readable = Q(article_links__page__in=readable.values("pk"))
    return (
        Author.objects.select_related("photo")
        .prefetch_related("photo__renditions")
        .annotate(article_count=Count("article_links", filter=in_readable, distinct=True))
        .filter(article_count__gt=0)
        .order_by("name_kana", "name")
    )


def index_meta(request, blog, context):
    """Head values for /blog/category/ and /blog/author/."""
    crumbs = context["crumbs"]
    url = seo.absolute_url(request, crumbs[-1][1])
    title = context["index_title"]
    description = _("%(blog)sの%(index)sです。") % {"blog": blog.title, "index": title}
    main = {
        "@type": "CollectionPage",
        "@id": url,
        "url": url,
        "name": str(title),
        "description": description,
        "inLanguage": "ja",
        "isPartOf": {"@id": seo.website_id(request)},
        "breadcrumb": {"@id": seo.breadcrumb_id(request, crumbs)},
    }
    return seo.PageMeta(
        title=seo.full_title(request, title),
        description=description,
        site_name=seo.site_name(request),
        canonical_url=url,
        image=seo.share_image(request),
        feeds=seo.site_feed(request, blog),
        graph=[main, seo.breadcrumb_node(request, crumbs), seo.website_node(request), seo.clinic_node(request)],
    )
