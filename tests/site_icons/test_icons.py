"""A favicon and home-screen icons on every page, with a shipped default."""

import json

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_every_page_links_a_favicon_an_apple_touch_icon_and_a_manifest(client, blog):
    html = client.get("/").content.decode()
    head = html.split("</head>", 1)[0]

    assert '<link rel="icon" href="/static/img/icons/favicon-32.png" type="image/png" sizes="32x32">' in head
    assert '<link rel="apple-touch-icon" href="/static/img/icons/apple-touch-icon.png">' in head
    assert '<link rel="manifest" href="/manifest.webmanifest">' in head
    for name in ("favicon-32.png", "apple-touch-icon.png", "icon-192.png", "icon-512.png", "favicon.ico"):
        assert finders.find(f"img/icons/{name}"), name


def test_manifest_names_the_clinic_and_its_icons(client, blog):
    response = client.get("/manifest.webmanifest")
    data = json.loads(response.content)

    assert response["Content-Type"] == "application/manifest+json"
    assert data["lang"] == "ja" and data["start_url"] == "/"
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}


def test_favicon_ico_answers_instead_of_a_404(client, blog):
    response = client.get("/favicon.ico")

    assert response.status_code == 302 and response["Location"] == "/static/img/icons/favicon.ico"
