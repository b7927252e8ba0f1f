"""Where an import's time goes: queries per post by statement, database
time, CPU time, and optionally a cProfile listing. Runs on whatever
DATABASE_URL names (SQLite by default, PostgreSQL too), in a throwaway test
database that Django creates and drops.

    .venv/bin/python benchmarks/wordpress_profile.py --posts 200
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/me_prof .venv/bin/python benchmarks/wordpress_profile.py
    .venv/bin/python benchmarks/wordpress_profile.py --cprofile 40   # also the 40 costliest calls
"""

import argparse
import collections
import cProfile
import importlib.util
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.test")


def export_generator():
    """wordpress_import.generate, loaded by path: benchmarks/ is not a
    package, and on sys.path its search.py would hide the search app."""
    spec = importlib.util.spec_from_file_location("wordpress_import", ROOT / "benchmarks" / "wordpress_import.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the N costliest calls")
    options = parser.parse_args()

    import django  # after the settings module is chosen above

    django.setup()
    from django.db import connection
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        with tempfile.TemporaryDirectory(prefix="teate-wp-profile-") as tmp:
            export, _media = export_generator()(Path(tmp), options.posts)
            profile(export, options, connection)
    finally:
        runner.teardown_databases(databases)


def profile(export, options, connection):
    from tests.factories import make_site
    from wordpress.importer import Importer

    make_site()
    counts, seconds = collections.Counter(), collections.Counter()

    def timed(execute, sql, params, many, context):
        statement = re.sub(r"\s+", " ", sql).strip()[:100]
        counts[statement] += 1
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            seconds[statement] += time.perf_counter() - start

    profiler = cProfile.Profile() if options.cprofile else None
    with connection.execute_wrapper(timed):
        start, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        report = Importer(export).run()
        if profiler:
            profiler.disable()
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    posts = report.counts["post", "created"]
    queries = sum(counts.values())
    print(f"{connection.vendor}: {posts} posts in {wall:.1f} s ({posts / wall:.1f} posts/s), "
          f"{cpu:.1f} CPU s ({posts / cpu:.1f} posts per CPU second), load {os.getloadavg()[0]:.1f}")
    print(f"{queries} queries ({queries / posts:.1f} per post), {sum(seconds.values()):.1f} s in the database")
    for statement, n in counts.most_common(15):
        print(f"{n:>6} {seconds[statement]:>6.2f}s  {statement}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(options.cprofile)


if __name__ == "__main__":
    main()
