"""The clinic's details: after every article, in every footer, changed in
the admin without a deploy, and never a broken call-to-action when empty."""

import pytest
from wagtail.models import Site

from home.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(site_tree):
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.clinic_name = "てあて整体院"
    settings.address = "神奈川県藤沢市1-2-3"
    settings.postal_code = "251-0052"
    settings.phone = "0466-00-0000"
    settings.opening_hours = "月〜金 9:00〜19:00\n土 9:00〜13:00"
    settings.booking_url = "https://example.com/booking"
    settings.line_url = "https://line.me/R/ti/p/@teate"
    settings.cta_heading = "ひとりで悩まずご相談ください"
    settings.save()
    return settings


@pytest.fixture
def article(blog):
    return make_article(blog, authors=[AuthorFactory(slug="yamada")], categories=[CategoryFactory(slug="knee")],
                        tags=["膝"])


def every_page(article):
    return ["/", "/blog/", article.url, "/blog/category/knee/", "/blog/tag/膝/", "/blog/author/yamada/"]


def test_article_ends_with_booking_line_and_phone(client, clinic, article):
    html = reader_html(client.get(article.url))

    cta = html[html.index('<aside class="cta"'):]
    assert "ひとりで悩まずご相談ください" in cta
    assert 'href="https://example.com/booking"' in cta
    assert 'href="https://line.me/R/ti/p/@teate"' in cta
    assert 'href="tel:0466000000"' in cta and "電話する（0466-00-0000）" in cta
    assert html.index("この記事を書いた人") < html.index('<aside class="cta"')


def test_footer_shows_the_clinic_on_every_page(client, clinic, article):
    for url in every_page(article):
        html = reader_html(client.get(url))
        footer = html[html.index('<footer class="site-footer"'):]
        assert "てあて整体院" in footer, url
        assert "〒251-0052 神奈川県藤沢市1-2-3" in footer, url
        assert "<dd>土 9:00〜13:00</dd>" in footer, url


def test_editing_the_settings_changes_the_pages_without_a_deploy(client, clinic, article):
    client.get(article.url)
    clinic.clinic_name = "ふじさわ整体院"
    clinic.phone = "0466-11-1111"
    clinic.save()

    html = reader_html(client.get(article.url))

    assert "ふじさわ整体院" in html and "0466-11-1111" in html
    assert "てあて整体院" not in html and "0466-00-0000" not in html


def test_settings_are_editable_in_the_admin(admin_client, client, clinic, article):
    site = Site.objects.get(is_default_site=True)
    fields = [f for f in ClinicSettings._meta.fields if f.name not in ("id", "site")]
    data = {f.name: f.value_from_object(clinic) or "" for f in fields}  # the form as the admin shows it
    data["clinic_name"] = "管理画面で変えた院"

    response = admin_client.post(f"/admin/settings/home/clinicsettings/{site.pk}/", data)

    assert response.status_code == 302
    assert "管理画面で変えた院" in reader_html(client.get(article.url))


def test_empty_settings_render_no_broken_call_to_action(client, site_tree, article):
    for url in every_page(article):
        response = client.get(url)
        html = reader_html(response)
        assert response.status_code == 200, url
        assert '<aside class="cta"' not in html, url
        assert 'href=""' not in html and 'href="tel:"' not in html, url
        assert "手当て" in html[html.index('<footer class="site-footer"'):], url
