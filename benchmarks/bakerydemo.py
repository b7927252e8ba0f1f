"""Teate beside Wagtail's bakerydemo in the same run: the uncached article
(a bakerydemo blog post) and blog index, rendered in-process by Django's
test client, both on PostgreSQL with production settings and DEBUG off.

    .venv/bin/python benchmarks/bakerydemo.py --bakerydemo ~/bakerydemo \\
        --bakerydemo-python ~/bakerydemo/.venv/bin/python \\
        --bakerydemo-database postgres://postgres@127.0.0.1:5432/bakerydemo

bakerydemo is not part of Teate: clone it yourself (a Django 5.2 release of
it, e.g. the "Wagtail 7.2" commit), install its requirements in its own venv
and run its `migrate` and `load_initial_data` against the database you name.
Teate's side is the demo (`load_demo`) in a database of its own beside
DATABASE_URL's (`<name>_vs_bakerydemo`, dropped afterwards); Teate's page
cache is off, so every request renders. The two sites are measured in
alternating rounds so that a busy machine weighs on both alike; the ratio
column is what to read.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from production_env import PROJECT, production_env

# Run inside each site's own `manage.py shell`: times GETs of the given
# URLs with the test client and prints their medians as JSON.
TIMER = """
import json, statistics, sys, time
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
result = {}
for name, url in URLS.items():
    assert client.get(url, secure=True).status_code == 200, url  # warm: renditions, caches
    reset_queries()  # each request empties the log; count from zero
    with CaptureQueriesContext(connection) as captured:
        client.get(url, secure=True)
    queries = len(captured)  # read now: the next request empties the log
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url, secure=True)
        timings.append((time.perf_counter() - start) * 1000)
    result[name] = {"median": statistics.median(timings), "queries": queries}
print("RESULT " + json.dumps(result))
"""

TEATE_URLS = """
from blog.models import ArticlePage
URLS = {"article": ArticlePage.objects.live().public().order_by("path").first().url, "blog index": "/blog/"}
"""

BAKERYDEMO_URLS = """
from bakerydemo.blog.models import BlogPage
URLS = {"article": BlogPage.objects.live().public().order_by("path").first().url, "blog index": "/blog/"}
"""



def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bakerydemo", type=Path, required=True, help="a bakerydemo checkout")
    parser.add_argument("--bakerydemo-python", required=True, help="the python of bakerydemo's venv")
    parser.add_argument("--bakerydemo-database", required=True, help="the PostgreSQL URL of bakerydemo's loaded database")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page per round (default 50)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3); the median round is shown")
    return parser.parse_args()


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def run(python, cwd, env, prelude, requests):
    code = prelude + f"\nREQUESTS = {requests}\n" + TIMER
    out = subprocess.run(
        [python, "manage.py", "shell", "-c", code], cwd=cwd, env=env, check=True, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def postgres(args, database_url, *command):
    parts = urlsplit(database_url)
    subprocess.run(
        [*command, "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "postgres", *args],
        check=True, stdout=subprocess.DEVNULL,
    )


def main():
    args = parse_args()
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server (Teate's side gets a database of its own beside it)")
    name = f"{urlsplit(base).path.lstrip('/') or 'teate'}_vs_bakerydemo"
    teate_url = with_database(base, name)
    with tempfile.TemporaryDirectory(prefix="teate-vs-") as tmp:
        workdir = Path(tmp)
        teate_env = production_env(
            workdir, "vs", hosts="testserver", DJANGO_LOG_LEVEL="ERROR", DATABASE_URL=teate_url,
            extra_settings="SERVING_PAGE_CACHE = False  # every request renders: the uncached figure",
        )
        bakery_env = {
            **os.environ,
            "DATABASE_URL": args.bakerydemo_database,
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "testserver",
        }
        postgres([name], base, "dropdb", "--if-exists")
        postgres([name], base, "createdb")
        try:
            python = sys.executable
            for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
                subprocess.run([python, "manage.py", *command], cwd=PROJECT, env=teate_env, check=True,
                               stdout=subprocess.DEVNULL)
            rounds = []
            for _ in range(args.rounds):
                teate = run(python, PROJECT, teate_env, TEATE_URLS, args.requests)
                bakery = run(args.bakerydemo_python, args.bakerydemo, bakery_env, BAKERYDEMO_URLS, args.requests)
                rounds.append((teate, bakery))
        finally:
            postgres([name], base, "dropdb", "--if-exists")

    print(f"{args.rounds} alternating rounds of {args.requests} requests per page; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| page | Teate queries | bakerydemo queries | Teate median ms | bakerydemo median ms | Teate ÷ bakerydemo |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for page in ("article", "blog index"):
        ratios = sorted((t[page]["median"] / b[page]["median"], t, b) for t, b in rounds)
        ratio, teate, bakery = ratios[len(ratios) // 2]
        print(f"| {page} | {teate[page]['queries']} | {bakery[page]['queries']} | {teate[page]['median']:.1f} | "
              f"{bakery[page]['median']:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
