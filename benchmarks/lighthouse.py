"""Lighthouse (mobile) on the demo's article with a video, served the way
production serves it (gunicorn, DEBUG off, compressed static files), with
no network: every score and the Core Web Vitals, next to the home page as
the baseline measured in the same run.

    npm ci --prefix benchmarks/lighthouse          # once: Lighthouse 12.2.3
    .venv/bin/python benchmarks/lighthouse.py      # prints the figures

Debian's /usr/bin/chromium runs the audits (CHROME_PATH overrides it). The
demo is built in a temporary directory; your database and media are not
touched. Production's page cache needs Redis: 127.0.0.1:6379 database 9 under
a key prefix of the run's own (BENCH_REDIS_URL overrides it).
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from production_env import PROJECT, production_env
LIGHTHOUSE = PROJECT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = [
    ("first-contentful-paint", "FCP", "ms"),
    ("largest-contentful-paint", "LCP", "ms"),
    ("total-blocking-time", "TBT", "ms"),
    ("cumulative-layout-shift", "CLS", ""),
    ("speed-index", "Speed Index", "ms"),
    ("total-byte-weight", "bytes", "KiB"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [sys.executable, str(PROJECT / "manage.py"), *args], env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout


def build_demo(workdir):
    env = production_env(
        workdir, "lighthouse", hosts="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback only
        DJANGO_SERVE_MEDIA="1",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=f"sqlite:///{workdir / 'lighthouse.sqlite3'}",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")
    video_url = manage(
        env, "shell", "-c",
        "from disclosure.transmissions import articles_with_video; print(articles_with_video().order_by('path').first().url)",
        capture=True,
    ).strip().splitlines()[-1]
    return env, video_url


def serve(env, port):
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "site_project.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env={**env, "DJANGO_SETTINGS_MODULE": "lighthouse_settings"}, cwd=PROJECT,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def audit(url, out):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env=env, check=True,
    )
    return json.loads(Path(out).read_text())


def figures(report):
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {}
    for key, label, unit in METRICS:
        value = report["audits"][key]["numericValue"]
        metrics[label] = (value / 1024 if unit == "KiB" else value, unit)
    failing = [
        audit_id for audit_id, result in report["audits"].items()
        if result.get("score") is not None and result["score"] < 1 and result.get("scoreDisplayMode") in ("binary", "numeric")
        and any(audit_id in [ref["id"] for ref in report["categories"][c]["auditRefs"] if ref.get("weight")] for c in CATEGORIES)
    ]
    return scores, metrics, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="audits per page; the median performance run is shown")
    parser.add_argument("--save", type=Path, help="also keep each page's full JSON report in this directory")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} がありません: npm ci --prefix benchmarks/lighthouse を実行してください")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        env, video_url = build_demo(workdir)
        port = free_port()
        server = serve(env, port)
        try:
            pages = {"home (baseline)": "/", "article with a video": video_url}
            results, every_run = {}, {}
            for path in pages.values():
                # As on a live site, the pictures' renditions exist before anyone measures:
                # the first request of a page makes them.
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120).read()
            for name, path in pages.items():
                runs = [audit(f"http://127.0.0.1:{port}{path}", workdir / f"report-{i}.json") for i in range(args.runs)]
                every_run[name] = [
                    (round(r["categories"]["performance"]["score"] * 100), r["environment"]["benchmarkIndex"]) for r in runs
                ]
                runs.sort(key=lambda r: r["categories"]["performance"]["score"])
                results[name] = figures(runs[len(runs) // 2])
                benchmark_index = runs[0]["environment"]["benchmarkIndex"]
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"{name.split()[0]}.json").write_text(json.dumps(runs[len(runs) // 2]))
        finally:
            server.terminate()
            server.wait()

    print(f"Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU slowdown), {args.runs} run(s) per page, median shown")
    # TBT and FCP follow the machine's CPU: Lighthouse's benchmark index (higher
    # is faster) and the load average say how busy it was while measuring.
    print(f"benchmark index {benchmark_index:.0f}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'page':<24}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, (scores, _, _) in results.items():
        print(f"{name:<24}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
    print()
    base = results["home (baseline)"][1]
    print(f"{'metric':<14}{'article':>12}{'home':>12}{'ratio':>8}")
    for label, (value, unit) in results["article with a video"][1].items():
        home = base[label][0]
        ratio = f"{value / home:.2f}" if home else "-"
        print(f"{label:<14}{value:>10.{3 if label == 'CLS' else 0}f}{unit:>2}{home:>10.{3 if label == 'CLS' else 0}f}{unit:>2}{ratio:>8}")
    print()
    for name, scores in every_run.items():
        print(f"{name}: performance in each run " + ", ".join(f"{score} (index {index:.0f})" for score, index in scores))
    for name, (_, _, failing) in results.items():
        if failing:
            print(f"{name}: audits below 100: {', '.join(failing)}")


if __name__ == "__main__":
    main()
