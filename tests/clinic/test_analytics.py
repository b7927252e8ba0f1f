"""Analytics the clinic switches on in 設定 › 院の設定: the tag reaches readers'
pages only, and only once an ID is set; the admin form explains a wrong ID
in Japanese. Nothing here reaches Google: the tags only point at its host."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, article_form_data, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db

GTAG = '<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4"></script>'


@pytest.fixture
def article(blog):
    return make_article(blog, title="膝の内側が痛い原因")


@pytest.fixture
def measured(clinic):
    clinic.ga4_measurement_id = "G-ABC123DEF4"
    clinic.save()
    return clinic


def settings_form(clinic, **changes):
    fields = [f for f in ClinicSettings._meta.fields if f.name not in ("id", "site")]
    data = {f.name: f.value_from_object(clinic) or "" for f in fields}  # the form as the admin shows it
    return {**data, **changes}


def settings_url():
    return f"/admin/settings/clinic/clinicsettings/{Site.objects.get(is_default_site=True).pk}/"


def test_no_analytics_tag_until_the_clinic_sets_an_id(client, clinic, article):
    for url in ["/", "/blog/", article.url, "/search/?q=膝", "/external-transmission/", "/blog/no-such-article/"]:
        html = reader_html(client.get(url))
        assert "googletagmanager" not in html and "analytics.js" not in html, url


def test_readers_pages_load_google_analytics_once_an_id_is_set(client, measured, article):
    for url in ["/", "/blog/", article.url, "/search/?q=膝", "/external-transmission/"]:
        html = reader_html(client.get(url))
        head = html[: html.index("</head>")]
        assert head.count(GTAG) == 1, url
        assert 'src="/static/js/analytics.js" data-ga4-id="G-ABC123DEF4" defer></script>' in head, url


def test_logged_in_editors_are_not_measured(admin_client, measured, article):
    html = reader_html(admin_client.get(article.url))

    assert "膝の内側が痛い原因" in html
    assert "googletagmanager" not in html and "data-ga4-id" not in html


def test_a_preview_sends_nothing_to_google(admin_client, measured, blog):
    data = article_form_data(
        title="下書きのプレビュー", slug="draft-preview", authors=[AuthorFactory()], categories=[CategoryFactory()]
    )
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", blog.pk])
    assert admin_client.post(url, data).json()["is_valid"] is True

    html = reader_html(admin_client.get(url))

    assert "下書きのプレビュー" in html
    assert "googletagmanager" not in html and "data-ga4-id" not in html


def test_an_id_stored_around_the_form_that_is_not_valid_emits_nothing(client, clinic, article):
    ClinicSettings.objects.filter(pk=clinic.pk).update(ga4_measurement_id='G-1"><script>')

    html = reader_html(client.get(article.url))

    assert "googletagmanager" not in html and "data-ga4-id" not in html


def test_admin_form_rejects_a_wrong_id_in_japanese(admin_client, clinic):
    for typed, message in [
        ("ABC123", "測定IDは「G-」に続く英数字です"),
        ("GTM-ABC1234", "「GTM-」で始まるのはタグマネージャーのIDです"),
        ("UA-12345678-1", "ユニバーサルアナリティクスのIDです"),
    ]:
        response = admin_client.post(settings_url(), settings_form(clinic, ga4_measurement_id=typed))

        assert response.status_code == 200, typed  # the form again, with the error
        assert message in response.content.decode(), typed
        assert ClinicSettings.objects.get(pk=clinic.pk).ga4_measurement_id == "", typed


def test_admin_form_accepts_an_id_typed_in_full_width_or_lower_case(admin_client, client, clinic, article):
    response = admin_client.post(settings_url(), settings_form(clinic, ga4_measurement_id=" ｇ－ａｂｃ１２３ｄｅｆ４ "))

    assert response.status_code == 302
    assert ClinicSettings.objects.get(pk=clinic.pk).ga4_measurement_id == "G-ABC123DEF4"
    assert GTAG in reader_html(client.get(article.url))


def test_clearing_the_id_takes_the_tag_off_cached_pages_at_once(client, measured, article):
    assert GTAG in reader_html(client.get(article.url))
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    measured.ga4_measurement_id = ""
    measured.save()

    assert "googletagmanager" not in reader_html(client.get(article.url))
