"""The admin's romaji-slug endpoint the article editor's script asks."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_suggests_the_romaji_slug_of_a_title(admin_client):
    response = admin_client.get(reverse("teate_romaji_slug"), {"title": "膝の内側が痛いときのセルフケア"})

    assert response.status_code == 200
    assert response.json() == {"slug": "hiza-no-uchigawa-ga-itai-toki-no-serufukea"}


@pytest.mark.parametrize("title", ["", "！？", "x" * 10_000, "<script>", "膝" * 300])
def test_any_title_gets_an_answer(admin_client, title):
    response = admin_client.get(reverse("teate_romaji_slug"), {"title": title})

    assert response.status_code == 200
    assert len(response.json()["slug"]) <= 80


def test_needs_an_admin_login(client):
    response = client.get(reverse("teate_romaji_slug"), {"title": "膝"})

    assert response.status_code in (302, 403)
