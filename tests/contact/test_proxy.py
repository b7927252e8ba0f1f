"""The contact form behind Debian's varnishd (deploy/varnish/teate.vcl) and
the app's page cache: every reader gets a form of their own, with their
own CSRF token, and every submission goes through; pages elsewhere are
still served from the proxy."""

import re
import time
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

import pytest

from contact.records import ContactSubmission
from tests.factories import contact_form_data, make_article
from tests.serving.conftest import OPENER, fetch

pytestmark = [pytest.mark.proxy, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="form_started" value="([^"]+)"')


@pytest.fixture
def proxy(live_server, start_varnish, settings, site_tree):
    settings.CONTACT_MIN_FILL_SECONDS = 1
    url = start_varnish(int(live_server.url.rsplit(":", 1)[1]))
    settings.SERVING_PROXY_PURGE_URLS = [url]
    return url


class Reader:
    """A browser's cookie jar, reduced to the one cookie the form needs."""

    def __init__(self, proxy):
        self.proxy = proxy
        self.cookie = ""

    def open_form(self, path):
        status, headers, body = fetch(self.proxy + path, {"Cookie": self.cookie} if self.cookie else {})
        cookie = SimpleCookie(headers.get("Set-Cookie", ""))
        if "csrftoken" in cookie:
            self.cookie = f"csrftoken={cookie['csrftoken'].value}"
        html = body.decode()
        return status, headers, TOKEN.search(html).group(1), STARTED.search(html).group(1)

    def send(self, path, token, started, **fields):
        data = contact_form_data(csrfmiddlewaretoken=token, form_started=started, **fields)
        request = urllib.request.Request(
            self.proxy + path, data=urllib.parse.urlencode(data, doseq=True).encode(), method="POST",
            headers={"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with OPENER.open(request, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def test_two_readers_get_their_own_tokens_and_both_submissions_succeed(proxy, contact_page, blog):
    first, second = Reader(proxy), Reader(proxy)

    status_a, headers_a, token_a, started_a = first.open_form(contact_page.url)
    status_b, headers_b, token_b, started_b = second.open_form(contact_page.url)

    assert (status_a, status_b) == (200, 200)
    assert [headers["X-Proxy-Cache"] for headers in (headers_a, headers_b)] == ["miss", "miss"]
    assert "no-store" in headers_a["Cache-Control"] and "private" in headers_a["Cache-Control"]
    assert headers_a["X-Page-Cache"] == "pass"
    assert first.cookie != second.cookie and token_a != token_b
    time.sleep(1.1)  # a person takes longer than CONTACT_MIN_FILL_SECONDS

    sent_a = first.send(contact_page.url, token_a, started_a, name="一人目")
    sent_b = second.send(contact_page.url, token_b, started_b, name="二人目")

    assert sent_a[0] == sent_b[0] == 200
    assert "お問い合わせを受け付けました" in sent_a[1] and "お問い合わせを受け付けました" in sent_b[1]
    assert sorted(s.form_data["name"] for s in ContactSubmission.objects.all()) == ["一人目", "二人目"]


def test_a_reader_with_the_form_open_in_two_tabs_can_send_either(proxy, contact_page):
    reader = Reader(proxy)
    _, _, first_tab, started = reader.open_form(contact_page.url)
    _, _, second_tab, _ = reader.open_form(contact_page.url)  # the proxy passes the reader's csrftoken
    time.sleep(1.1)

    assert reader.send(contact_page.url, first_tab, started)[0] == 200
    assert reader.send(contact_page.url, second_tab, started)[0] == 200
    assert ContactSubmission.objects.count() == 2


def test_a_submission_with_another_readers_token_is_refused(proxy, contact_page):
    first, second = Reader(proxy), Reader(proxy)
    _, _, token_a, started = first.open_form(contact_page.url)
    second.open_form(contact_page.url)
    time.sleep(1.1)

    status, _ = second.send(contact_page.url, token_a + "x", started)

    assert status == 403
    assert ContactSubmission.objects.count() == 0


def test_pages_elsewhere_are_still_served_from_the_proxy(proxy, contact_page, blog):
    article = make_article(blog, title="膝の体操")
    reader = Reader(proxy)
    reader.open_form(contact_page.url)

    fetch(proxy + article.url, {"Cookie": reader.cookie})
    status, headers, body = fetch(proxy + article.url, {"Cookie": reader.cookie})

    assert (status, headers["X-Proxy-Cache"]) == (200, "hit")
    assert "Set-Cookie" not in headers
    assert f'href="{contact_page.url}"' in body.decode()  # the footer's お問い合わせ
