"""/media/ served by Django (DJANGO_SERVE_MEDIA=1): traversal, over-long
and undecodable names never give a 5xx."""

import importlib

import pytest
from django.urls import clear_url_caches

import site_project.urls
from tests.hostile.conftest import assert_no_server_errors

pytestmark = pytest.mark.django_db

NAMES = [
    "../manage.py", "../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fmanage.py", "%2e%2e%5c%2e%2e%5cwin.ini",
    "images/..", "images/../../site_project/settings/base.py", "/etc/passwd", "//etc/passwd", "images/%00.jpg",
    "images/knee.jpg%00.png", "a" * 256, "a" * 255, "膝" * 86, "/".join(["b" * 255] * 20), "images/" + "c" * 5000,
    "%ED%A0%80", "%ff%fe", "images/", "", ".", "..", "...", "images/knee.jpg/", "images/knee.jpg/..", "~root",
    "images/%2e%2e/%2e%2e/%2e%2e/etc/shadow", "\\..\\..\\etc\\passwd", "images/con", "images/aux.jpg",
]


@pytest.fixture
def media_served(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    importlib.reload(site_project.urls)
    clear_url_caches()
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "knee.jpg").write_bytes(b"jpeg")
    yield tmp_path
    settings.SERVE_MEDIA = False
    importlib.reload(site_project.urls)
    clear_url_caches()


def test_hostile_media_names(hostile_client, media_served, hostile_site):
    results = []
    for name in NAMES:
        for method in ["GET", "HEAD", "POST", "OPTIONS"]:
            results.append((f"{method} /media/{name}", hostile_client.generic(method, f"/media/{name}").status_code))
    assert_no_server_errors(results)
    assert hostile_client.get("/media/images/knee.jpg").status_code == 200
