"""One ceiling of SQL queries per reader page, shared by every test that
counts them (tests/test_query_counts.py holds each one for 10 and 400
articles). They are today's exact counts: a new query on a page should be
a decision, so change a number deliberately, saying why. They count a
rendering with the page cache off and the other caches warm, as after a
purge on a live site (docs/performance.md says what each query is)."""

MAX_QUERIES = {
    # The Site, the clinic's settings and the blog come from the cache
    # (serving/sites.py, BlogIndexPage.for_request). Counts over every readable
    # article (a listing's length, home's categories) come from the cache too
    # while no article was published (serving/pieces.py). Then Wagtail's view
    # restrictions (2) and the newest articles. Their cards come from the cache
    # ({% article_cards %}); a card not there costs three queries for the
    # cards missing (renditions, categories, authors), however many.
    "home": 4,
    "blog index": 4,
    # The article (hero image and 監修 reviewer joined) and Wagtail's view
    # restrictions (2). Its own content, breadcrumbs, head values and JSON-LD,
    # its related articles and previous/next come from the cache while nothing
    # they show was purged (serving/templatetags/serving_fragments.py,
    # ArticlePage.seo_meta).
    "article": 3,
    # the index's 4 and the category, tag or author itself
    "category": 5,
    "tag": 5,
    "author": 5,
    # view restrictions (2); the list with its counts is kept in the cache
    # (blog/indexes.py); the authors' photos' renditions are read afresh
    "author index": 3,
    "category index": 2,
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
    # お問い合わせフォーム (contact/), never served from the page cache: the
    # page (2 rows), Wagtail's view restrictions (2) and the form's fields.
    # Its privacy and contact links come with the clinic's settings.
    "contact form": 5,
}
