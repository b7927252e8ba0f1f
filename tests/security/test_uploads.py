"""Uploads: every bad image is a form error, never a 500; images and
documents have byte limits, images a pixel limit (settings, docs/security.md)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.html import reader_html

pytestmark = pytest.mark.django_db


def picture(fmt="PNG", size=(400, 300)):
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(buffer, format=fmt)  # noise: no tiny compressed file
    return buffer.getvalue()


def truncated(fmt):
    data = picture(fmt)
    return data[: len(data) * 2 // 3]


@pytest.fixture(autouse=True)
def as_a_reader_would(admin_client):
    admin_client.raise_request_exception = False


@pytest.mark.parametrize(
    "name, data",
    [
        ("knee.png", truncated("PNG")),
        ("knee.jpg", truncated("JPEG")),
        ("knee.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # a header and nothing else
        ("knee.jpg", b"not an image at all"),
        ("knee.gif", truncated("GIF")),
    ],
    ids=["truncated-png", "truncated-jpeg", "png-header-only", "not-an-image", "truncated-gif"],
)
@pytest.mark.parametrize("url", ["/admin/images/add/", "/admin/images/multiple/add/"])
def test_broken_image_upload_is_a_form_error(admin_client, url, name, data):
    field = "files[]" if "multiple" in url else "file"
    content_type = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif"}[name.rsplit(".", 1)[1]]
    response = admin_client.post(
        url, {"title": "膝の写真", field: SimpleUploadedFile(name, data, content_type=content_type)}
    )

    assert response.status_code < 500
    assert not get_image_model().objects.exists()
    if "multiple" not in url:
        assert response.status_code == 200  # the form again, with the reason
        assert "画像" in reader_html(response)


def test_a_whole_image_still_uploads(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "膝の写真", "file": SimpleUploadedFile("knee.jpg", picture("JPEG"), content_type="image/jpeg")},
    )

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="膝の写真").exists()


def test_image_over_the_pixel_limit_is_refused_with_a_message(admin_client, settings):
    data = picture("PNG", size=(2000, 2000))
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000

    response = admin_client.post(
        "/admin/images/add/", {"title": "大きすぎる", "file": SimpleUploadedFile("big.png", data, content_type="image/png")}
    )

    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_the_pixel_and_byte_limits_are_set(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000  # 11,000 × 11,000 = 121 M is refused
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024


def test_document_over_the_byte_limit_is_a_form_error(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "問診票", "file": SimpleUploadedFile("form.zip", b"PK" + b"\x00" * 4096, content_type="application/zip")},
    )

    assert response.status_code == 200
    assert not get_document_model().objects.exists()
