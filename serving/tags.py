"""The tags of a response: what it shows, so that purge.py can reach it.

An article page carries its own tag, the tag of every article it links to
(related articles, previous and next), and what decides which articles
*could* enter its related list (blog/related.py ranks the primary category
first): `category-N` when the whole list is from its primary category, so
only a new article in that category can enter it; otherwise `related-any`,
as a new article sharing a tag, or at worst just being newer, would.
Every other page (home, blog index, category, tag and author listings,
feeds, sitemap, search) lists articles and carries `articles`. Everything
carries `site`.
"""

from blog.link_blocks import linked_page_ids
from blog.models import ArticlePage
from blog.related import RELATED_LIMIT


def response_tags(response):
    tags = {"site"}
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")
    if page is not None:
        tags.add(f"page-{page.pk}")
        tags |= body_link_tags(page)
    if isinstance(page, ArticlePage) and "articles" not in context:
        tags |= article_tags(page)
    else:
        tags.add("articles")
    return tags


def article_tags(article):
    """The article, and what its related list and previous/next show or
    could come to show: the tags an article-links piece served from the
    cache was stored with (templatetags/serving_fragments.py), else worked out."""
    recorded = getattr(article, "link_tags", None)
    return {f"page-{article.pk}"} | (recorded if recorded is not None else link_tags(article))


def link_tags(article):
    """Its own page (its categories and tags choose the list), every article
    linked, what could enter the list (see above), and `site` (the names on
    the cards)."""
    tags = {"site", f"page-{article.pk}"}
    related = article.related_articles
    previous, following = article.adjacent_articles
    tags |= {f"page-{linked.pk}" for linked in [*related, previous, following] if linked is not None}
    primary = article.primary_category
    full = len(related) == RELATED_LIMIT
    if primary is not None and full and getattr(related[-1], "in_primary_category", False):
        tags.add(f"category-{primary.pk}")
    else:
        tags.add("related-any")
    return tags


# --- theme-blocks (issue 18): blog cards and buttons show their target's
# title, picture and lead, so a page carries each target's tag and a change
# to a target purges it. Used here and by the article's content piece
# (templatetags/serving_fragments.py); cache-design re-homes it.
def body_link_tags(page):
    """`page-N` of every page the page's body blocks link to (blog cards, buttons)."""
    return {f"page-{pk}" for pk in linked_page_ids(getattr(page, "body", None))}
