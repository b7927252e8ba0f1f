"""Queries and response times of every reader-facing page, for N articles.

    .venv/bin/python benchmarks/pages.py --articles 200
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
    parser.add_argument("--articles", type=int, default=200, help="published articles to build (default 200)")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page (default 30)")
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
    two categories, tags and an author with a photo."""
    from django.conf import settings

    from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, make_article, make_articles, make_site

    home, blog = make_site()
    authors = [AuthorFactory(slug=f"writer-{i}", photo=ImageFactory()) for i in range(3)]
    categories = [CategoryFactory(slug=f"topic-{i}") for i in range(4)]
    images = [ImageFactory() for _ in range(15)]
    make_articles(blog, count, authors=authors, categories=categories, tags=["膝", "ストレッチ"], images=images)
    article = make_article(blog, authors=authors[:2], categories=categories[:2], tags=["膝", "セルフケア"],
                           hero_image=images[0])
    return {
        "home": "/",
        "blog index": "/blog/",
        "blog index, last page": f"/blog/?page={math.ceil((count + 1) / settings.BLOG_PAGE_SIZE)}",
        "article": article.url,
        "category": "/blog/category/topic-0/",
        "tag": "/blog/tag/膝/",
        "author": "/blog/author/writer-0/",
        "author index": "/blog/author/",
        "sitemap": "/sitemap.xml",
    }


def measure(client, url, requests):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # first render makes the image renditions
    assert response.status_code == 200, (url, response.status_code)
    reset_queries()  # a full query log (it keeps 9000) would capture nothing
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    queries = len(captured)  # now: the next request empties the log
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
    return queries, statistics.median(timings), p95


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="teate-bench-") as tmp:
        own_database = setup_django(Path(tmp))
        from django.db import connection
        from django.test import Client

        try:
            started = time.perf_counter()
            urls = build_blog(args.articles)
            if connection.vendor == "postgresql":
                # Planner statistics, as autovacuum keeps them on a live
                # database: a freshly filled one plans as if tables were empty.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            built = time.perf_counter() - started
            client = Client()
            print(f"{args.articles} articles on {connection.vendor} (built in {built:.0f} s), "
                  f"{args.requests} requests per page\n")
            print("| page | queries | median ms | p95 ms |")
            print("| --- | ---: | ---: | ---: |")
            for kind, url in urls.items():
                queries, median, p95 = measure(client, url, args.requests)
                print(f"| {kind} | {queries} | {median:.1f} | {p95:.1f} |")
        finally:
            if own_database:
                connection.creation.destroy_test_db(own_database, verbosity=0)


if __name__ == "__main__":
    main()
