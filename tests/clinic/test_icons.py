"""A favicon and home-screen icons on every page, with a shipped default."""

import json
import re

import pytest
from wagtail.images.tests.utils import get_test_image_file
from django.contrib.staticfiles import finders

from tests.factories import ImageFactory
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_every_page_links_a_favicon_an_apple_touch_icon_and_a_manifest(client, blog):
    html = reader_html(client.get("/"))
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


def test_the_clinics_own_icon_replaces_the_shipped_one(client, blog, clinic):
    clinic.clinic_name = "てあて整体院"
    clinic.site_icon = ImageFactory(file=get_test_image_file(size=(600, 400)))
    clinic.save()

    head = reader_html(client.get("/")).split("</head>", 1)[0]
    data = json.loads(client.get("/manifest.webmanifest").content)

    assert re.search(r'<link rel="icon" href="/media/images/[^"]+\.fill-32x32\.format-png\.png" type="image/png"', head)
    assert re.search(r'<link rel="apple-touch-icon" href="/media/images/[^"]+\.fill-180x180\.format-png\.png">', head)
    assert data["name"] == "てあて整体院"
    assert all(icon["src"].startswith("/media/images/") for icon in data["icons"])
