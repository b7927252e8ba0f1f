"""Queries and response times of every reader-facing page as the blog grows:
measured at each size given (default 1,000 then 10,000 articles, the same
blog grown in bulk), with the growth ratio of the median between the first
and the last size. Pages are rendered, not served from the page cache;
the caches a live site keeps warm (Site, settings, renditions, related
articles) are warm, except on the row that re-ranks related articles.

    .venv/bin/python benchmarks/pages.py --articles 200 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teate .venv/bin/python benchmarks/pages.py

It never touches your data: without DATABASE_URL it builds a throwaway
SQLite file in a temporary directory; with one, it creates and afterwards
drops a separate `<name>_bench` database next to yours, the way Django's
test runner does. Uploaded images go to a temporary directory too.
"""

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--articles", type=int, nargs="+", default=[1000, 10000], help="blog sizes to measure (default 1000 10000)"
    )
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page (default 40)")
    return parser.parse_args()


def setup_django(workdir):
    """Dev settings on a throwaway database, with DEBUG off as in production."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
    use_test_database = "DATABASE_URL" in os.environ
    if not use_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"

    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False
    settings.MEDIA_ROOT = workdir / "media"
    # Static files are not part of what is measured; WhiteNoise need not look for them.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")

    from django.core.management import call_command
    from django.db import connection

    if not use_test_database:
        call_command("migrate", verbosity=0)
        return None
    own_database = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{own_database}_bench"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return own_database


def build_blog(count):
    """The blog the query-count tests measure: N articles with hero images,
    two categories, tags and an author with a photo, and the article
    measured (published last)."""
    from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article, make_articles, make_site

    home, blog = make_site()
    authors = [AuthorFactory(slug=f"writer-{i}", photo=ImageFactory()) for i in range(3)]
    categories = [CategoryFactory(slug=f"topic-{i}") for i in range(4)]
    images = [ImageFactory() for _ in range(15)]
    make_articles(blog, count, authors=authors, categories=categories, tags=["膝", "ストレッチ"], images=images)
    article = make_article(blog, authors=authors[:2], categories=categories[:2], tags=["膝", "セルフケア"],
                           hero_image=images[0])
    return blog, authors, categories, images, article


def grow_blog(blog, authors, categories, images, count):
    """More articles, in bulk, until the blog holds `count`."""
    from blog.models import ArticlePage
    from tests.factories import make_articles

    existing = ArticlePage.objects.child_of(blog).count()
    if count > existing:
        make_articles(blog, count - existing, authors=authors, categories=categories, tags=["膝", "ストレッチ"],
                      images=images)


def page_urls(article, count):
    from django.conf import settings

    last_page = math.ceil(count / settings.BLOG_PAGE_SIZE)
    return {
        "home": "/",
        "blog index": "/blog/",
        "blog index, last page": f"/blog/?page={last_page}",
        "article": article.url,
        "article, related re-ranked": article.url,
        "category": "/blog/category/topic-0/",
        "category, last page": f"/blog/category/topic-0/?page={math.ceil(count / 2 / settings.BLOG_PAGE_SIZE)}",
        "tag": "/blog/tag/膝/",
        "author": "/blog/author/writer-0/",
        "author index": "/blog/author/",
        "feed": "/blog/feed/",
        "sitemap index": "/sitemap.xml",
        "sitemap, pages part": "/sitemap-pages.xml",
        "sitemap, last part of articles": f"/sitemap-articles.xml?p={math.ceil(count / 1000)}",
    }


def count_queries(client, url, before):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # first render makes the image renditions and fills the caches
    assert response.status_code == 200, (url, response.status_code)
    reset_queries()  # a full query log (it keeps 9000) would capture nothing
    before()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)  # now: the next request empties the log


def measure(client, pages, requests):
    """{kind: (queries, median ms)}. The pages take turns, one request each
    per round, so a burst of other work on the machine weighs on all of
    them alike rather than on whichever page was being timed."""
    queries = {kind: count_queries(client, url, before) for kind, (url, before) in pages.items()}
    timings = {kind: [] for kind in pages}
    for _ in range(requests):
        for kind, (url, before) in pages.items():
            before()
            start = time.perf_counter()
            client.get(url)
            timings[kind].append((time.perf_counter() - start) * 1000)
    return {kind: (queries[kind], statistics.median(timings[kind])) for kind in pages}


def load():
    return "/".join(f"{figure:.1f}" for figure in os.getloadavg())


def main():
    args = parse_args()
    sizes = sorted(args.articles)
    with tempfile.TemporaryDirectory(prefix="teate-bench-") as tmp:
        own_database = setup_django(Path(tmp))
        from django.conf import settings
        from django.db import connection
        from django.test import Client

        from serving import tags, tokens

        settings.SERVING_PAGE_CACHE = False  # every request is rendered
        settings.SERVING_ALLOW_LOCAL_CACHE = True  # one process: its own cache holds the Site and related articles
        try:
            results = {}
            print(f"{connection.vendor}, {args.requests} requests per page, load average {load()} at the start")
            blog = None
            for count in sizes:
                started = time.perf_counter()
                if blog is None:
                    blog, authors, categories, images, article = build_blog(count - 1)
                else:
                    grow_blog(blog, authors, categories, images, count)
                    # built in bulk, without Wagtail's signals: purged once, as an import does
                    tokens.purge([tags.SITE])
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        # the planner's statistics, as autovacuum keeps them on a live
                        # site; without them a bulk-built blog is planned as if empty
                        cursor.execute("ANALYZE")
                print(f"{count} articles built in {time.perf_counter() - started:.0f} s")
                client = Client()
                # the related articles' piece dropped before each request: they are ranked again
                rerank = lambda: tokens.purge([tags.page(article.pk)])  # noqa: E731
                pages = {
                    kind: (url, rerank if "re-ranked" in kind else (lambda: None))
                    for kind, url in page_urls(article, count).items()
                }
                for kind, figures in measure(client, pages, args.requests).items():
                    results.setdefault(kind, {})[count] = figures
            print(f"load average {load()} at the end\n")
            first, last = sizes[0], sizes[-1]
            header = " | ".join(f"queries ({n:,}) | median ms ({n:,})" for n in sizes)
            print(f"| page | {header} | growth {last:,} / {first:,} |")
            print("| --- |" + " ---: | ---: |" * len(sizes) + " ---: |")
            for kind, by_size in results.items():
                cells = " | ".join(f"{by_size[n][0]} | {by_size[n][1]:.1f}" for n in sizes)
                print(f"| {kind} | {cells} | {by_size[last][1] / by_size[first][1]:.2f}× |")
        finally:
            if own_database:
                connection.creation.destroy_test_db(own_database, verbosity=0)


if __name__ == "__main__":
    main()
