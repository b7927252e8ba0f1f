"""The clinic's details: after every article, in every footer, changed in
the admin without a deploy, and never a broken call-to-action when empty."""

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


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
        assert "〒251-0052 神奈川県藤沢市藤沢1-2-3" in footer, url
        assert "<dd>土 9:00〜17:00</dd>" in footer, url


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

    response = admin_client.post(f"/admin/settings/clinic/clinicsettings/{site.pk}/", data)

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


def test_old_admin_address_of_the_settings_redirects_to_the_clinic_app(admin_client, site_tree):
    site = Site.objects.get(is_default_site=True)

    response = admin_client.get(f"/admin/settings/home/clinicsettings/{site.pk}/")

    assert response.status_code == 301
    assert response["Location"] == f"/admin/settings/clinic/clinicsettings/{site.pk}/"
    assert admin_client.get(response["Location"]).status_code == 200


def test_phone_link_dials_the_number_without_hyphens(clinic, client):
    html = reader_html(client.get("/"))

    assert clinic.phone_url == "tel:0466000000"
    assert html.count('href="tel:0466000000"') == 3  # the footer, the call to book and the phone's booking bar
