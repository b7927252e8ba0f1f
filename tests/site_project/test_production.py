"""The production settings the Docker image runs with."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import clear_url_caches

import site_project.urls

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "site_project.settings.production", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.com",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--settings=site_project.settings.production"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.fixture
def urls_with_media_served(settings, tmp_path):
    """The URLconf as production builds it with DJANGO_SERVE_MEDIA=1."""
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    importlib.reload(site_project.urls)
    clear_url_caches()
    yield tmp_path
    settings.SERVE_MEDIA = False
    importlib.reload(site_project.urls)
    clear_url_caches()


def test_uploaded_photos_are_served_from_the_media_volume_when_asked(client, db, urls_with_media_served):
    (urls_with_media_served / "images").mkdir()
    (urls_with_media_served / "images" / "knee.jpg").write_bytes(b"not really a jpeg")

    response = client.get("/media/images/knee.jpg")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"not really a jpeg"
    client.raise_request_exception = False  # as a reader would get it, not as a traceback
    assert client.get("/media/../manage.py").status_code == 404


def test_sessions_and_failed_logins_are_kept_in_the_database_so_logins_work_without_redis():
    """docs/operations.md, "Redis down": tests/faults/test_redis.py logs in with Redis stopped."""
    result = run_manage(
        "shell", "-c",
        "from django.conf import settings; from axes.conf import settings as axes; "
        "print(settings.SESSION_ENGINE, axes.AXES_HANDLER)",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.com",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["django.contrib.sessions.backends.db", "axes.handlers.database.AxesDatabaseHandler"]
