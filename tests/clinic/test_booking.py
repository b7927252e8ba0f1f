"""The booking bar offers only what the clinic set, and only safe links."""

import pytest

from security.html import safe_url
from clinic.models import ClinicSettings
from tests.factories import make_article
from tests.html import reader_html


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.com/booking", "https://example.com/booking"),
        ("http://example.com/", "http://example.com/"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("//evil.example/", ""),
        ("/relative/path", ""),
        ("https:///nohost", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_only_web_links_survive(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    "phone, url",
    [
        ("0466-00-0000", "tel:0466000000"),
        ("+81 466 00 0000", "tel:+81466000000"),
        ("（0466）00-0000", "tel:0466000000"),
        ("０４６６－００－００００", "tel:0466000000"),
        ("お問い合わせください", ""),
        ("", ""),
    ],
)
def test_phone_numbers_as_people_write_them_become_tel_links(phone, url):
    assert ClinicSettings(phone=phone).phone_url == url


def bar(html):
    return html.split('<nav class="booking-bar"', 1)[1].split("</nav>", 1)[0] if 'class="booking-bar"' in html else ""


@pytest.mark.django_db
def test_bar_has_phone_line_and_booking_in_that_order(client, clinic, blog):
    article = make_article(blog)

    html = bar(reader_html(client.get(article.url)))

    assert 'aria-label="予約・お問い合わせ"' in html
    assert html.index('href="tel:0466000000"') < html.index('href="https://line.me/R/ti/p/@teate"') < html.index(
        'href="https://example.com/booking"'
    )
    assert ">電話<" in html and ">LINE<" in html and ">WEB予約<" in html
    assert "（0466-00-0000）" in html  # read out by screen readers


@pytest.mark.django_db
def test_bar_shows_only_what_is_set(client, clinic, blog):
    clinic.phone, clinic.line_url, clinic.booking_url = "", "", "https://example.com/b"
    clinic.save()

    html = bar(reader_html(client.get("/")))

    assert "WEB予約" in html and "tel:" not in html and "LINE" not in html


@pytest.mark.django_db
def test_no_bar_when_nothing_is_set(client, clinic, blog):
    clinic.phone = clinic.line_url = clinic.booking_url = ""
    clinic.save()

    assert 'class="booking-bar"' not in reader_html(client.get("/"))


@pytest.mark.django_db
def test_a_script_url_that_reached_the_database_is_never_a_link(client, clinic, blog):
    # URLField stops it in the admin; an import or the shell does not.
    ClinicSettings.objects.filter(pk=clinic.pk).update(
        booking_url="javascript:alert(document.cookie)", line_url="data:text/html,x", phone=""
    )

    html = reader_html(client.get("/"))

    assert "javascript:" not in html and "data:text/html" not in html
    assert 'class="booking-bar"' not in html
