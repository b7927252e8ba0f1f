"""The demo's SQLite database: concurrent admin requests wait, never fail
with "database is locked" (site_project/settings/base.py)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Two requests at once, as autosave and preview fire together: the first
# holds a write transaction; the second reads, then writes. Without WAL and
# IMMEDIATE transactions the second fails at once with "database is locked".
SCRIPT = """
import threading, time
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print("journal_mode", cursor.fetchone()[0])
    cursor.execute("PRAGMA busy_timeout")
    print("busy_timeout", cursor.fetchone()[0])
    cursor.execute("CREATE TABLE autosave (n integer)")

holding = threading.Event()
errors = []

def first():
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO autosave VALUES (1)")
            holding.set()
            time.sleep(1.0)
    except Exception as error:
        errors.append(repr(error))
        holding.set()
    finally:
        connections.close_all()

def second():
    holding.wait()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM autosave")
                cursor.execute("INSERT INTO autosave VALUES (2)")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=first), threading.Thread(target=second)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM autosave")
    print("rows", cursor.fetchone()[0])
print("errors", errors)
"""


def run(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    out = run(tmp_path)

    assert out["journal_mode"] == "wal"
    assert int(out["busy_timeout"]) >= 5000


def test_a_second_write_waits_for_the_first_instead_of_failing(tmp_path):
    out = run(tmp_path)

    assert out["errors"] == "[]"
    assert out["rows"] == "2"
