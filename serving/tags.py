"""The tags of a response: what it shows, so that purge.py can reach it.

An article page carries its own tag, the tag of every article it links to
(related articles, previous and next), and what decides which articles
*could* enter its related list: its primary category and its tags, or
`related-any` when that list ends with articles sharing nothing with it (so
any newly published article outranks them). Every other page (home, blog
index, category, tag and author listings, feeds, sitemap, search) lists
articles and carries `articles`. Everything carries `site`.
"""

from blog.models import ArticlePage
from blog.related import RELATED_LIMIT


def response_tags(response):
    tags = {"site"}
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")
    if page is not None:
        tags.add(f"page-{page.pk}")
    if isinstance(page, ArticlePage) and "articles" not in context:
        tags |= article_tags(page)
    else:
        tags.add("articles")
    return tags


def article_tags(article):
    tags = {f"page-{article.pk}"}
    related = article.related_articles
    previous, following = article.adjacent_articles
    tags |= {f"page-{linked.pk}" for linked in [*related, previous, following] if linked is not None}
    primary = article.primary_category
    if primary is not None:
        tags.add(f"category-{primary.pk}")
    tags |= {f"tag-{pk}" for pk in article.tags.values_list("pk", flat=True)}
    if len(related) < RELATED_LIMIT or not _shares_anything(related[-1]):
        tags.add("related-any")
    return tags


def _shares_anything(last):
    """Whether the last related article is there for a reason newer articles
    cannot beat by recency alone (related.py ranks category, then tags)."""
    return bool(getattr(last, "in_primary_category", False) or getattr(last, "shared_tags", 0))
