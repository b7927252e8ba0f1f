"""The clinic settings screen in the admin."""

import pytest
from wagtail.models import Site
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_settings_screen_offers_the_default_share_image(admin_client, site_tree):
    site = Site.objects.get(is_default_site=True)

    response = admin_client.get(f"/admin/settings/clinic/clinicsettings/{site.pk}/")

    assert response.status_code == 200
    assert "共有用の標準画像" in reader_html(response)
