"""One ceiling of SQL queries per reader page, shared by every test that
counts them (tests/test_query_counts.py holds each one for 10 and 200
articles). They are today's exact counts: a new query on a page should be
a decision, so raise a number deliberately, saying why. Most of each count
is Wagtail's own routing: site, page path, privacy."""

MAX_QUERIES = {
    "home": 12,
    "blog index": 13,
    # 15 for the article itself (with two authors, a 監修 reviewer with a
    # photo, tags and a figure); the other 7 are related articles and
    # previous/next: one shared readable-siblings query, the view
    # restrictions, and the related cards' categories, authors and renditions.
    "article": 22,
    "category": 14,
    "tag": 14,
    "author": 14,
    "search": 14,
    "feed": 15,
    "sitemap": 15,
    # a 固定ページ (pages.ContentPage) under home, with a figure
    "content page": 10,
}
