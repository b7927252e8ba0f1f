"""Every page links to the form (the footer, and WEB予約 when the clinic
has no outside booking page) at no extra query."""

import pytest

from clinic.models import ClinicSettings
from tests.factories import make_article
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db


def booking_href(html):
    marker = 'booking-bar__link--booking" href="'
    return html.split(marker, 1)[1].split('"', 1)[0] if marker in html else None


def test_web_booking_opens_the_form_when_no_booking_page_is_set(client, contact_page, contact_clinic, blog):
    contact_clinic.booking_url = ""
    contact_clinic.save()

    html = client.get(blog.url).content.decode()

    assert booking_href(html) == "/contact/"
    assert '<li><a href="/contact/">お問い合わせ</a></li>' in html  # the footer


def test_an_outside_booking_page_still_wins(client, contact_page, contact_clinic, blog):
    html = client.get(blog.url).content.decode()

    assert booking_href(html) == "https://example.com/booking"
    assert '<li><a href="/contact/">お問い合わせ</a></li>' in html


def test_an_unpublished_form_is_not_linked(client, contact_page, contact_clinic, blog):
    contact_clinic.booking_url = ""
    contact_clinic.save()
    contact_page.unpublish()

    html = client.get(blog.url).content.decode()

    assert booking_href(html) is None and "/contact/" not in html


def test_the_links_cost_no_query_on_an_article(client, contact_page, contact_clinic, blog, settings, django_assert_num_queries):
    settings.SERVING_PAGE_CACHE = False
    ClinicSettings.objects.filter(pk=contact_clinic.pk).update(booking_url="")
    article = make_article(blog)
    client.get(article.url)

    with django_assert_num_queries(MAX_QUERIES["article"]):
        html = client.get(article.url).content.decode()
    assert booking_href(html) == "/contact/"
