"""The environment a benchmark runs Teate in as production does: its
production settings (DEBUG off, checks on), with media and static files in
the benchmark's temporary directory, a fresh secret key, and the page cache
in the Redis server at BENCH_REDIS_URL (default 127.0.0.1:6379 database 9)
under a key prefix of the run's own, since production refuses to start
without Redis and other runs share the server."""

import os
import secrets
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

SETTINGS = """
from site_project.settings.production import *  # noqa: F403
MEDIA_ROOT = {media!r}
STATIC_ROOT = {static!r}
{extra}
"""


def production_env(workdir, name, *, hosts, extra_settings="", **env):
    """os.environ for manage.py and gunicorn: `<name>_settings` written into
    `workdir`, DJANGO_ALLOWED_HOSTS set to `hosts`, then `env` on top."""
    module = f"{name}_settings"
    (workdir / f"{module}.py").write_text(
        SETTINGS.format(media=str(workdir / "media"), static=str(workdir / "static"), extra=extra_settings)
    )
    return {
        **os.environ,
        "PYTHONPATH": f"{workdir}{os.pathsep}{PROJECT}",
        "DJANGO_SETTINGS_MODULE": module,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": hosts,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        "REDIS_KEY_PREFIX": f"teate-{name}-{secrets.token_hex(4)}",
        **env,
    }
