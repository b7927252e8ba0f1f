"""One ceiling of SQL queries per reader page, shared by every test that
counts them (tests/test_query_counts.py holds each one for 10 and 400
articles). They are today's exact counts: a new query on a page should be
a decision, so change a number deliberately, saying why. They count a
rendering with the page cache off and the other caches warm, as after a
purge on a live site (docs/performance.md says what each query is)."""

MAX_QUERIES = {
    # The Site and the clinic's settings come from the cache (serving/sites.py);
    # the blog is looked up once for routing and the header. Counts over every
    # readable article (a listing's length, home's categories) come from the
    # cache too while no article was published (tagcache/pieces.py).
    "home": 8,
    "blog index": 8,
    # The blog, the article (hero image and 監修 reviewer joined), Wagtail's
    # view restrictions (2), authors, categories and tags (the head's JSON-LD
    # names them). The article's own content, and its related articles and
    # previous/next, come from the cache while nothing they show was purged
    # (serving/templatetags/serving_fragments.py).
    "article": 7,
    # the index's 8 and the category, tag or author itself
    "category": 9,
    "tag": 9,
    "author": 9,
    # the blog, view restrictions (2); the list with its counts is kept in the
    # cache (blog/indexes.py); the authors' photos' renditions are read afresh
    "author index": 4,
    "category index": 3,
    "search": 14,
    "feed": 15,
    # the sitemap index (blog/sitemaps.py: how many pages and articles, and
    # the newest date, kept in the cache), its part of pages (each listing's
    # newest article kept too: blog/indexes.py) and any part of articles
    "sitemap": 2,
    "sitemap pages": 4,
    "sitemap articles": 4,
    # a 固定ページ (pages.ContentPage) under home, with a figure
    "content page": 10,
}
