"""Real processes for the fault suite (docs/operations.md, "Faults, measured"):
a Redis server, gunicorn with production's settings, the scheduler and the
task worker, on a copy of a demo database made once per run; PostgreSQL
clusters and Varnish are started by the tests that need them. Every process
listens on a free port of its own and is stopped by the fixture that started
it. `pytest -m fault` selects the suite; `-m "not fault"` leaves it out."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.production_env import production_env
from tests.serving.conftest import ROOT, fetch, free_port, require, start_varnish, wait_for_port

__all__ = ["start_varnish"]  # the proxy fixture of tests/serving, for tests here

# Production's settings, with static files from the apps (no collectstatic)
# and tasks queued in the database for the worker, as production runs them.
EXTRA_SETTINGS = """
import os
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVING_SHARED_MAX_AGE = int(os.environ.get("FAULT_MAX_AGE", "{max_age}"))
{extra}
"""
# The demo's content as one process writes it, with no worker to run tasks.
AT_ONCE = 'TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}'
# An editor who logs in to the admin (password hashed as production checks it).
EDITOR = ("editor", "pw-editor-1")


def redis_server_binary():
    binary = shutil.which("redis-server")
    require(binary, "TEATE_REQUIRE_REDIS", "redis-server not found (Debian package `redis-server`)")
    return binary


class RedisServer:
    """A redis-server of the test's own, which may be stopped (its data saved,
    as a Redis with persistence would keep it), frozen and started again on
    the same port."""

    def __init__(self, workdir):
        self.binary = redis_server_binary()
        self.workdir = workdir
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.workdir),
             "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self, save=True):
        """Shut down, saving what it holds (save=True) or losing it."""
        if save:
            subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "save"], capture_output=True, timeout=10)
        else:
            self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


@dataclass
class Stack:
    """The environment every process of one test shares, and the processes."""

    env: dict
    workdir: Path
    processes: list = field(default_factory=list)

    def manage(self, *args, timeout=120):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def shell(self, code, timeout=120):
        """Run Python in a Django shell of this stack; its last line of output, as JSON."""
        out = self.manage("shell", "-c", code, timeout=timeout)
        return json.loads(out.strip().splitlines()[-1])

    def spawn(self, *args, **env):
        """Start a process in a session of its own; its output goes to
        `<n>.log` in the stack's directory, to read when a test fails."""
        log = open(self.workdir / f"{len(self.processes)}.log", "wb")
        process = subprocess.Popen(
            args, cwd=ROOT, env={**self.env, **env}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        log.close()
        self.processes.append(process)
        return process

    def gunicorn(self, port, workers=2, **env):
        process = self.spawn(
            sys.executable, "-m", "gunicorn", "site_project.wsgi:application", "--config", "deploy/gunicorn.conf.py",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--access-logfile", "/dev/null", **env,
        )
        self.wait_for_gunicorn(port, workers)
        return process

    def wait_for_gunicorn(self, port, workers):
        wait_for_port(port, timeout=60)
        # Each worker loads Django on its first request: warm them all.
        for _ in range(workers * 3):
            fetch(f"http://127.0.0.1:{port}/healthz")

    def worker(self):
        return self.spawn(sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.25", "--no-startup-delay")

    def scheduler(self, interval=1):
        return self.spawn(sys.executable, "manage.py", "run_scheduler", "--interval", str(interval))

    def stop(self, process, sig=signal.SIGTERM):
        if process.poll() is None:
            os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)


def stack_env(workdir, database_url, redis_url, *, max_age=600, extra="", **env):
    return production_env(
        workdir, "fault", hosts="127.0.0.1,localhost,testserver",
        extra_settings=EXTRA_SETTINGS.format(max_age=max_age, extra=extra),
        DATABASE_URL=database_url, REDIS_URL=redis_url, DJANGO_SECURE_SSL_REDIRECT="0",
        **env,
    )


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """A migrated SQLite database holding the demo site and an editor, and
    its media: made once (about 25 s), copied by each test."""
    workdir = tmp_path_factory.mktemp("fault-demo")
    env = stack_env(workdir, f"sqlite:///{workdir / 'db.sqlite3'}", "redis://127.0.0.1:1/0", extra=AT_ONCE)
    stack = Stack(env=env, workdir=workdir)
    stack.manage("migrate", "--noinput", "-v0", timeout=300)
    stack.shell(DEMO_CONTENT, timeout=300)
    return workdir


DEMO_CONTENT = f"""
import io, json
from django.core.management import call_command
from django.contrib.auth.models import User
call_command("load_demo", stdout=io.StringIO())
User.objects.create_superuser({EDITOR[0]!r}, "editor@example.com", {EDITOR[1]!r})
print(json.dumps(1))
"""


class PostgresCluster:
    """A PostgreSQL cluster of the test's own (initdb and pg_ctl from Debian's
    packages) on a free port, in a directory of its own: never the machine's
    shared server. Run as the `postgres` user when the tests run as root."""

    def __init__(self):
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")) or [Path(p) for p in [shutil.which("pg_ctl")] if p]
        require(found, "TEATE_REQUIRE_POSTGRES", "pg_ctl not found (Debian package `postgresql`)")
        self.bin = found[-1].parent
        self.dir = Path(tempfile.mkdtemp(prefix="teate-fault-pg-"))
        self.dir.chmod(0o755)
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/teate"

    def run(self, *args):
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=60)

    def create(self):
        self.run(str(self.bin / "initdb"), "-D", str(self.dir / "data"), "-U", "postgres", "-A", "trust",
                 "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")
        self.start()
        self.run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "teate")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self, mode="fast"):
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", mode, "-w", "stop")

    def remove(self):
        if (self.dir / "data" / "postmaster.pid").exists():
            self.stop(mode="immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def postgres_cluster():
    cluster = PostgresCluster()
    cluster.create()
    yield cluster
    cluster.remove()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process is not None:
        server.thaw()
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture
def sqlite_stack(demo_database, tmp_path, redis_server):
    """A Stack on a copy of the demo database and media, with its own Redis."""
    shutil.copy(demo_database / "db.sqlite3", tmp_path / "db.sqlite3")
    if (demo_database / "media").exists():
        shutil.copytree(demo_database / "media", tmp_path / "media")
    env = stack_env(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", redis_server.url)
    stack = Stack(env=env, workdir=tmp_path)
    yield stack
    stack.stop_all()


# An article of the demo (demo/articles/knee.py), and the reader pages the
# issue measured: home, blog, an article, the category index, search,
# sitemap and feed.
ARTICLE = "/blog/kaidan-hiza/"
ARTICLE_TITLE = "階段の上り下りでヒザが痛いときに見直したい3つのこと"
READER_URLS = ["/", "/blog/", ARTICLE, "/blog/category/", "/search/?q=%E8%86%9D", "/sitemap.xml", "/blog/feed/"]


def tally(responses):
    """{status: count} of (status, headers, body…) answers."""
    counts = {}
    for status, *_ in responses:
        counts[status] = counts.get(status, 0) + 1
    return counts


def wait_until(check, timeout, step=0.05):
    """Seconds until check() is true; fails past the timeout."""
    began = time.monotonic()
    while not check():
        if time.monotonic() - began > timeout:
            raise AssertionError(f"not true after {timeout} s: {check.__doc__ or check}")
        time.sleep(step)
    return time.monotonic() - began
