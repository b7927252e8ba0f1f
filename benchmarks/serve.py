"""The production stack on this machine: Varnish in front of gunicorn with
deploy/gunicorn.conf.py (two gthread workers), the task worker, PostgreSQL
and Redis, as docker-compose.yml runs them, with the demo content.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teate_bench .venv/bin/python benchmarks/serve.py

Needs PostgreSQL (the database in DATABASE_URL is dropped and made anew),
Redis on 127.0.0.1:6379 (keys under a prefix of this run's own, database 9),
and Debian's varnishd and wrk. For the article page and the blog index it
prints req/s, p50 and p99 latency and errors, uncached (a session cookie
makes every layer pass), app-cached (gunicorn straight, Redis page cache)
and proxy-cached (through Varnish); then the proxy's hit ratio and the time
from a publish until the proxy serves the new page. wrk asks as a browser
does (Accept-Encoding: gzip), so Varnish sends the gzipped copy it keeps.
Each figure is the median of --runs measurements; the load average of the
machine is printed before and after. Ports 8300-8301 by default (--port).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from production_env import PROJECT, production_env
sys.path.insert(0, str(PROJECT))
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=8300, help="Varnish's port; gunicorn takes the next one")
    parser.add_argument("--seconds", type=int, default=5, help="load per measurement (default 5)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--runs", type=int, default=3, help="measurements of each figure; the median is printed (default 3)")
    return parser.parse_args()


def environment(workdir):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database (it is dropped and made anew)")
    return production_env(
        workdir, "serve", hosts="127.0.0.1,localhost", DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_LOG_LEVEL="WARNING"
    )


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)


def reset_database(env):
    from urllib.parse import urlsplit

    url = urlsplit(env["DATABASE_URL"])
    args = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432), "-U", url.username or "postgres"]
    subprocess.run(["dropdb", "--if-exists", *args, url.path.lstrip("/")], check=True)
    subprocess.run(["createdb", *args, url.path.lstrip("/")], check=True)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            OPENER.open(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not answer within {timeout}s")


def start_varnish(workdir, port, app_ports):
    backends = "".join(f'backend app{i} {{ .host = "127.0.0.1"; .port = "{p}"; }}\n' for i, p in enumerate(app_ports))
    adds = "".join(f"    app.add_backend(app{i});\n" for i in range(len(app_ports)))
    (workdir / "backends.vcl").write_text(
        f'{backends}sub vcl_init {{\n    new app = directors.round_robin();\n{adds}}}\nacl purgers {{ "127.0.0.1"; }}\n'
    )
    varnish_dir = PROJECT / "deploy" / "varnish"
    command = [
        shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-j", "none", "-n", str(workdir / "varnish"),
        "-a", f"127.0.0.1:{port}", "-f", str(varnish_dir / "teate.vcl"),
        "-p", f"vcl_path={workdir}:{varnish_dir}", "-s", "malloc,256m",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# What a browser sends that changes the answer: Varnish keeps pages gzipped
# and would unzip them for a client that did not ask for gzip.
BROWSER_HEADERS = ["Accept: text/html,application/xhtml+xml", "Accept-Encoding: gzip, deflate, br"]


def wrk(url, seconds, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in [*BROWSER_HEADERS, *headers]:
        command += ["-H", header]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
        "requests": requests,
    }


def median_of(runs):
    """The median run's figures (by req/s), and every run's errors."""
    ranked = sorted(runs, key=lambda run: run["rps"])
    return {**ranked[len(ranked) // 2], "errors": sum(run["errors"] for run in runs)}


def varnish_hits(workdir):
    out = subprocess.run(
        ["varnishstat", "-n", str(workdir / "varnish"), "-1", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"],
        capture_output=True, text=True,
    ).stdout
    counts = dict(re.findall(r"MAIN\.(cache_hit|cache_miss)\s+(\d+)", out))
    return int(counts.get("cache_hit", 0)), int(counts.get("cache_miss", 0))


def publish_to_fresh(env, proxy, url_path):
    """Publish a new title for the article in this process, as the admin
    would, and time from the end of the publish (its commit and purge) until
    the proxy serves the new title."""
    os.environ.update({k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"})
    os.environ["DJANGO_SETTINGS_MODULE"] = env["DJANGO_SETTINGS_MODULE"]
    os.environ["TEATE_PROXY_PURGE_URLS"] = proxy + "/"
    sys.path[:0] = env["PYTHONPATH"].split(os.pathsep)  # the settings module in the run's directory
    import django

    django.setup()
    from blog.models import ArticlePage

    article = next(a for a in ArticlePage.objects.live() if a.url == url_path)
    article.title = f"{article.title}（更新{uuid.uuid4().hex[:4]}）"
    article.save_revision().publish()
    began = time.monotonic()
    marker = article.title.encode()
    while time.monotonic() - began < 10:
        if marker in OPENER.open(proxy + url_path, timeout=5).read():
            return time.monotonic() - began
        time.sleep(0.01)
    return float("inf")


def main():
    args = parse_args()
    for tool in ("wrk", "varnishstat"):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: apt-get install wrk varnish")
    workdir = Path(tempfile.mkdtemp(prefix="teate-serve-"))
    env = environment(workdir)
    reset_database(env)
    print("migrating, loading the demo, collecting static files…", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")

    proxy_port, app_port = args.port, args.port + 1
    proxy = f"http://127.0.0.1:{proxy_port}"
    env["TEATE_PROXY_PURGE_URLS"] = proxy + "/"
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "site_project.wsgi:application", "--config", "deploy/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{app_port}", "--access-logfile", str(workdir / "access.log")],
            cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
        start_varnish(workdir, proxy_port, [app_port]),
        # Proxy purges go through the task worker (serving/proxy.py), as
        # docker-compose.yml's worker service runs it.
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.25"],
            cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
    ]
    load_before = os.getloadavg()
    try:
        for port in [app_port, proxy_port]:
            wait_for(f"http://127.0.0.1:{port}/robots.txt")
        index = "/blog/"
        html = OPENER.open(proxy + index).read().decode()
        article = re.search(r'href="(/blog/[^"/]+/)"', html).group(1)
        app = f"http://127.0.0.1:{app_port}"
        rows = []
        for name, path in (("article", article), ("blog index", index)):
            for _ in range(8):  # every worker and thread: the page cache filled, Django loaded
                OPENER.open(app + path).read()
            OPENER.open(proxy + path).read()
            layers = (
                ("uncached", app + path, 4, ["Cookie: sessionid=benchmark"]),
                ("app-cached", app + path, args.connections, []),
                ("proxy-cached", proxy + path, args.connections, []),
            )
            for layer, url, connections, headers in layers:
                runs = [wrk(url, args.seconds, connections, headers) for _ in range(args.runs)]
                rows.append((name, layer, median_of(runs)))
        hits, misses = varnish_hits(workdir)
        fresh = statistics.median(publish_to_fresh(env, proxy, article) for _ in range(args.runs))
    finally:
        load_after = os.getloadavg()
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"\nmedian of {args.runs} runs; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print(f"\n{'page':<11} {'layer':<13} {'req/s':>9} {'×uncached':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, layer, result in rows:
        baseline = next(r for n, lay, r in rows if n == name and lay == "uncached")["rps"]
        print(
            f"{name:<11} {layer:<13} {result['rps']:>9.0f} {result['rps'] / baseline:>9.1f}× "
            f"{result['p50']:>8.2f} {result['p99']:>8.2f} {result['errors']:>7}"
        )
    print(f"\nproxy hit ratio: {hits / max(1, hits + misses):.4f} ({hits} hits, {misses} misses)")
    print(f"publish → fresh page through the proxy (median): {fresh * 1000:.0f} ms")


if __name__ == "__main__":
    main()
