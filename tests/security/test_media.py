"""/media/ with DJANGO_SERVE_MEDIA=1: any name that cannot be a stored upload is a 404."""

import importlib

import pytest
from django.urls import clear_url_caches

import site_project.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_served(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    importlib.reload(site_project.urls)
    clear_url_caches()
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "knee.jpg").write_bytes(b"jpeg")
    client.raise_request_exception = False
    yield tmp_path
    settings.SERVE_MEDIA = False
    importlib.reload(site_project.urls)
    clear_url_caches()


@pytest.mark.parametrize(
    "path",
    [
        "/media/" + "a" * 300 + ".jpg",  # over 255 bytes: ENAMETOOLONG
        "/media/images/" + "膝" * 100 + ".jpg",  # 300 bytes in UTF-8
        "/media/" + "/".join(["b" * 250] * 20),  # over PATH_MAX
        "/media/../manage.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/images/..%2f..%2fmanage.py",
        "/media/images/knee.jpg%00.txt",
        "/media//etc/passwd",
    ],
)
def test_impossible_media_names_are_404(client, media_served, path):
    assert client.get(path).status_code == 404


def test_a_stored_upload_is_still_served(client, media_served):
    assert client.get("/media/images/knee.jpg").status_code == 200
