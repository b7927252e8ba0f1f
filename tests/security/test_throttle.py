"""Guessing passwords: the admin login locks an address out after five
failures; page passwords allow ten per address; /django-admin/ is off."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from security.throttle import client_ip
from tests.factories import make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("staff", "staff@example.jp", "correct-horse-staple")


def log_in(client, password, address="203.0.113.5"):
    return client.post(
        "/admin/login/", {"username": "staff", "password": password}, REMOTE_ADDR=address
    )


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_admin_login_locks_an_address_out_after_five_wrong_passwords(client, staff):
    for _ in range(4):
        assert log_in(client, "wrong").status_code == 200  # the form again, with its error
    assert log_in(client, "wrong").status_code == 429  # the fifth failure locks

    response = log_in(client, "correct-horse-staple")

    assert response.status_code == 429
    assert "ログインを一時的に停止しています" in reader_html(response)
    assert not is_logged_in(client)


def test_admin_login_still_works_after_four_mistakes(client, staff):
    for _ in range(4):
        log_in(client, "wrong")

    log_in(client, "correct-horse-staple")

    assert is_logged_in(client)


def test_a_locked_out_address_does_not_lock_out_the_clinic(client, staff):
    for _ in range(6):
        log_in(client, "wrong", address="198.51.100.9")

    log_in(client, "correct-horse-staple", address="203.0.113.5")

    assert is_logged_in(client)


def test_django_admin_is_off_by_default(client, staff):
    assert client.get("/django-admin/").status_code == 404
    assert client.post("/django-admin/login/", {"username": "staff", "password": "x"}).status_code in (403, 404)


@pytest.fixture
def password_page(blog):
    article = make_article(blog, title="患者さん限定の記事")
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="hiza2026"
    )
    return article, f"/_util/authenticate_with_password/{restriction.pk}/{article.pk}/"


def guess(client, url, password, address="203.0.113.5"):
    return client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=address)


def test_page_password_allows_ten_guesses_then_answers_429(client, password_page):
    article, url = password_page
    for _ in range(10):
        assert guess(client, url, "wrong").status_code == 200

    response = guess(client, url, "hiza2026")

    assert response.status_code == 429
    assert "しばらくしてからお試しください" in reader_html(response)
    assert article.title not in reader_html(client.get(article.url))


def test_page_password_right_first_time_opens_the_page(client, password_page):
    article, url = password_page

    assert guess(client, url, "hiza2026").status_code == 302
    assert article.title in reader_html(client.get(article.url))


def test_page_password_limit_is_per_address(client, password_page):
    _, url = password_page
    for _ in range(11):
        guess(client, url, "wrong", address="198.51.100.9")

    assert guess(client, url, "hiza2026", address="203.0.113.5").status_code == 302


def test_client_ip_trusts_only_as_many_forwarded_addresses_as_there_are_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5"
    )

    settings.TEATE_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TEATE_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.5"  # the client wrote 6.6.6.6 itself
