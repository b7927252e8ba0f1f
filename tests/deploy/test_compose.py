"""docker-compose.yml and the images it builds: the proxy is the only way in,
and every service the docs name exists with the command that makes it work."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
ENV = {"POSTGRES_PASSWORD": "x", "DJANGO_SECRET_KEY": "y"}


def test_services_of_the_production_stack():
    assert set(SERVICES) == {"db", "redis", "web", "scheduler", "worker", "proxy"}


def test_only_the_proxy_is_published():
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"proxy"}
    assert SERVICES["proxy"]["ports"] == ["${WEB_PORT:-8000}:80"]


def test_app_services_share_redis_and_purge_the_proxy():
    for name in ("web", "scheduler", "worker"):
        environment = SERVICES[name]["environment"]
        assert environment["REDIS_URL"] == "redis://redis:6379/0", name
        assert environment["TEATE_PROXY_PURGE_URLS"] == "http://proxy/", name
        assert environment["DATABASE_URL"].startswith("postgres://"), name


def test_scheduler_and_worker_run_their_loops():
    assert SERVICES["scheduler"]["command"][:3] == ["python", "manage.py", "run_scheduler"]
    assert SERVICES["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]


def test_proxy_image_installs_debian_varnish_with_teates_configuration():
    dockerfile = (ROOT / SERVICES["proxy"]["build"] / "Dockerfile").read_text()
    assert "apt-get install" in dockerfile and "varnish" in dockerfile
    assert "COPY teate.vcl backends.vcl /etc/varnish/" in dockerfile
    backends = (ROOT / "deploy/varnish/backends.vcl").read_text()
    assert '.host = "web"' in backends
    for purger in ("web", "scheduler", "worker"):
        assert f'"{purger}";' in backends


def test_app_image_installs_every_dependency_from_pyproject():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "['project']['dependencies']" in dockerfile
    assert "gunicorn site_project.wsgi:application" in dockerfile


def test_web_image_runs_gunicorn_with_the_deploy_configuration():
    """deploy/gunicorn.conf.py is the one the image starts, and gunicorn
    loads it and the application with the production settings."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn site_project.wsgi:application --config deploy/gunicorn.conf.py" in dockerfile
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
        "DJANGO_SECRET_KEY": "gunicorn-config-test-" + "x" * 40,
        "REDIS_URL": "redis://127.0.0.1:6379/9",
    }
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "--config", "deploy/gunicorn.conf.py",
         "site_project.wsgi:application"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr


def compose_command():
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return None


def test_docker_compose_config_accepts_the_file():
    command = compose_command()
    if command is None:
        if os.environ.get("TEATE_REQUIRE_COMPOSE") == "1":
            pytest.fail("neither docker-compose nor `docker compose` found, and TEATE_REQUIRE_COMPOSE=1")
        pytest.skip("neither docker-compose (Debian package) nor `docker compose` found")
    result = subprocess.run(
        [*command, "config", "-q"], cwd=ROOT, env={**os.environ, **ENV}, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
