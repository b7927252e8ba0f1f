"""One ceiling of SQL queries per reader page, shared by every test that
counts them (tests/test_query_counts.py holds each one for 10 and 400
articles). They are today's exact counts: a new query on a page should be
a decision, so change a number deliberately, saying why. They count a
rendering with the page cache off and the other caches warm, as after a
purge on a live site (docs/performance.md says what each query is)."""

MAX_QUERIES = {
    # The Site and the clinic's settings come from the cache (serving/sites.py);
    # the blog is looked up once for routing and the header.
    "home": 9,
    "blog index": 9,
    # The blog, the article (hero image and 監修 reviewer joined), Wagtail's
    # view restrictions (2), authors, categories, tags and the figure's
    # image. Related articles and previous/next come from the cache
    # (serving/fragments.py) while nothing they show was purged.
    "article": 8,
    # the index's 9 and the category, tag or author itself
    "category": 10,
    "tag": 10,
    "author": 10,
    "search": 14,
    "feed": 15,
    # the sitemap index (blog/sitemaps.py), its part of pages (each
    # listing's newest article is one query per kind) and any part of articles
    "sitemap": 6,
    "sitemap pages": 9,
    "sitemap articles": 4,
    # a 固定ページ (pages.ContentPage) under home, with a figure
    "content page": 10,
}
