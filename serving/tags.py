"""Every cache tag is built here, and nowhere else.

A tag names something that can change; whatever shows it (a whole page, a
piece of one, a value computed for one) is kept under the tag, and purging
the tag reaches all of it at once (tokens.py, and the proxy's BAN in
purge.py). Which page carries which tags, and which change purges them, is
declared per page type in declarations.py.

Tags are `[a-z0-9-]` only: the proxy matches them inside a regex
(deploy/varnish/teate.vcl), and the response lists them comma-delimited.
"""

# Everything: the names every page shows (site, clinic, authors,
# categories, tags in cards), the site's structure, who may see what.
SITE = "site"
# Anything that lists or counts readable articles: listings, feeds,
# sitemaps, search, the home page, the counts per category or author.
ARTICLES = "articles"
# An article whose related list is not all from its primary category: any
# new article (sharing a tag, or just newer) may enter it.
RELATED_ANY = "related-any"

# What a value summarising every readable article is kept under (a
# listing's length, the counts per category or author, the newest date):
# any publish purges `articles`; privacy and snippet edits `site`.
ARTICLE_SUMMARY = (ARTICLES, SITE)


def page(pk):
    """That page: its own response, its card in a listing, its link in
    another article's related list or previous/next."""
    return f"page-{int(pk)}"


def category(pk):
    """The articles whose related list is full from this (primary) category:
    only a new article in it can enter their list."""
    return f"category-{int(pk)}"


def tag(pk):
    """Something that shows the articles with this (taggit) tag."""
    return f"tag-{int(pk)}"


def pages(pks):
    """page(pk) for each pk given, None skipped."""
    return {page(pk) for pk in pks if pk is not None}


def header_value(tags):
    """The X-Cache-Tags value: comma-delimited on both ends, so the proxy's
    BAN regex needs neither spaces nor escapes."""
    return f",{','.join(sorted(tags))},"
