"""What a restore needs (docs/security.md#restore): the database and the
original uploads. Everything else is derived and comes back by itself."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from search.models import SearchEntry
from tests.factories import ImageFactory, make_article

pytestmark = pytest.mark.django_db


def test_a_site_restored_without_renditions_or_search_index_comes_back(client, blog):
    article = make_article(blog, title="膝の内側が痛い原因", hero_image=ImageFactory())
    client.get(article.url)  # renditions drawn
    # A backup of the database and the original files only: thumbnails and
    # the reader index are neither backed up nor restored.
    for rendition in Rendition.objects.all():
        rendition.file.delete(save=False)
    Rendition.objects.all().delete()
    SearchEntry.objects.all().delete()

    call_command("rebuild_search")
    call_command("purge_pages")  # cached pages name the thumbnails that are gone
    response = client.get(article.url)

    assert response.status_code == 200
    assert Rendition.objects.filter(image=get_image_model().objects.get()).exists()
    assert SearchEntry.objects.filter(page_id=article.pk).exists()
