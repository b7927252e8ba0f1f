"""50 concurrent readers against gunicorn as production runs it
(deploy/gunicorn.conf.py: gthread workers, page cache in Redis).

    .venv/bin/python benchmarks/load.py                 # SQLite, 50 readers
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teate_load .venv/bin/python benchmarks/load.py

It builds a throwaway site (a temporary SQLite file, or the database in
DATABASE_URL, which it migrates and fills with the demo: give it an empty
one), collects static files into a temporary directory, starts gunicorn on
a free loopback port with the page cache in Redis (production_env.py:
BENCH_REDIS_URL), and sends every reader page to it: first from one
reader (the baseline), then from --readers at once. It prints requests per
second, latency percentiles and the ratio to the baseline, and counts
errors: any 5xx, and any request that got no answer. Exit status 1 when
there was an error. docs/security.md records a run.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from production_env import PROJECT, production_env
PYTHON = sys.executable
READER_PATHS = [
    "/", "/blog/", "/blog/category/knee/", "/blog/tag/ストレッチ/", "/blog/author/yamada-haruka/", "/blog/feed/",
    "/search/?q=膝の痛み", "/search/?q=ストレッチ&page=2", "/sitemap.xml", "/robots.txt", "/blog/no-such-article/",
]



def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=50, help="concurrent readers (default 50)")
    parser.add_argument("--requests", type=int, default=20, help="requests per reader (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes (default 2, as deployed)")
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(workdir):
    return production_env(
        workdir, "load", hosts="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SERVE_MEDIA="1",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'load.sqlite3'}"),
    )


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)


def article_paths(env):
    script = "from blog.models import ArticlePage; print('\\n'.join(a.url for a in ArticlePage.objects.readable()))"
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], cwd=PROJECT, env=env, check=True, capture_output=True, text=True
    )
    return [line for line in out.stdout.splitlines() if line.startswith("/")]


def wait_until_up(base, process):
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before answering")
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise SystemExit("gunicorn did not answer within 30 s")


def fetch(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError, OSError) as error:
        status = f"no answer ({error})"
    return status, time.perf_counter() - started


def run_readers(base, paths, readers, per_reader):
    results = []
    lock = threading.Lock()

    def reader(offset):
        mine = []
        for i in range(per_reader):
            path = paths[(offset + i) % len(paths)]
            mine.append(fetch(base + urllib.request.quote(path, safe="/?=&%")))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def summary(label, results, elapsed):
    times = sorted(seconds for _, seconds in results)
    errors = [status for status, _ in results if not isinstance(status, int) or status >= 500]
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    p50 = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    rate = len(results) / elapsed
    print(f"{label:<14} {len(results):>6} {rate:>8.1f} {p50:>8.0f} {p95:>8.0f} {len(errors):>7}   {statuses}")
    return {"rate": rate, "p50": p50, "p95": p95, "errors": errors}


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="teate-load-") as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        print("preparing: migrate, load_demo, collectstatic …", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput")
        paths = READER_PATHS + article_paths(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "site_project.wsgi:application", "-c", "deploy/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers), "--access-logfile", "/dev/null",
             "--log-level", "warning"],
            cwd=PROJECT, env=env,
        )
        try:
            wait_until_up(base, server)
            run_readers(base, paths, 1, len(paths))  # warm: thumbnails drawn, caches filled
            print(f"\n{len(paths)} reader URLs, gunicorn with {args.workers} gthread workers "
                  "(deploy/gunicorn.conf.py), production settings, page cache in Redis")
            print(f"{'':<14} {'reqs':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}   statuses")
            baseline = summary("1 reader", *run_readers(base, paths, 1, args.requests * 2))
            loaded = summary(f"{args.readers} readers", *run_readers(base, paths, args.readers, args.requests))
            print(
                f"\n{args.readers} readers vs 1: throughput ×{loaded['rate'] / baseline['rate']:.2f}, "
                f"p50 ×{loaded['p50'] / baseline['p50']:.1f}, p95 ×{loaded['p95'] / baseline['p95']:.1f}; "
                f"errors={len(baseline['errors']) + len(loaded['errors'])}"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 1 if baseline["errors"] or loaded["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
