"""Spam is refused with nothing stored and a Japanese reason: the trap
field, a form sent faster than a person can type, a forged or missing
start time, too many submissions from one address, and links when the
clinic refuses them. No outside service is asked."""

import pytest
from django.core.cache import cache

from contact.records import ContactSubmission, MailNotification
from security.attempts import attempts_key
from tests.factories import contact_form_data

pytestmark = pytest.mark.django_db


def post(client, page, **overrides):
    return client.post(page.url, contact_form_data(**overrides))


def assert_nothing_stored():
    assert ContactSubmission.objects.count() == 0
    assert MailNotification.objects.count() == 0


def test_a_filled_in_trap_field_is_refused(client, contact_page):
    response = post(client, contact_page, homepage_url="http://spam.example/")

    assert "送信できませんでした" in response.content.decode()
    assert_nothing_stored()


def test_the_trap_field_is_hidden_from_people(client, contact_page):
    html = client.get(contact_page.url).content.decode()

    assert '<div class="contact-form__trap" aria-hidden="true">' in html
    assert 'name="homepage_url"' in html and 'tabindex="-1"' in html


def test_a_form_sent_too_fast_is_refused_and_keeps_what_was_typed(client, contact_page):
    response = post(client, contact_page, seconds_ago=1)

    html = response.content.decode()
    assert "送信が早すぎるため" in html
    assert "右膝の内側が2週間痛みます" in html
    assert_nothing_stored()
    # The form shown again carries a new start time: waiting and sending again works.
    assert 'name="form_started"' in html


def test_a_forged_or_missing_start_time_is_refused(client, contact_page):
    for forged in ["", "1700000000", "MTcwMDAwMDAwMA:1abc:xyz"]:
        response = post(client, contact_page, form_started=forged)
        assert "時間がたちすぎています" in response.content.decode(), forged
    assert_nothing_stored()


def test_one_address_may_send_only_so_many_in_an_hour(client, contact_page, settings):
    settings.CONTACT_RATE_LIMIT = 2
    other = {"REMOTE_ADDR": "203.0.113.7"}
    cache.delete(f"teate:contact-form:{other['REMOTE_ADDR']}")
    assert [post(client, contact_page).status_code for _ in range(2)] == [200, 200]

    refused = post(client, contact_page, message="三通目です")

    assert refused.status_code == 429
    html = refused.content.decode()
    assert "しばらく受け付けを止めています" in html and "三通目です" in html
    assert ContactSubmission.objects.count() == 2
    # Another reader is not affected.
    assert client.post(contact_page.url, contact_form_data(), **other).status_code == 200
    assert ContactSubmission.objects.count() == 3
    cache.delete(f"teate:contact-form:{other['REMOTE_ADDR']}")


def test_refused_spam_counts_towards_the_limit(client, contact_page, settings, rf):
    settings.CONTACT_RATE_LIMIT = 3
    for _ in range(3):
        post(client, contact_page, homepage_url="spam")

    assert post(client, contact_page).status_code == 429
    assert_nothing_stored()
    assert cache.get(attempts_key("contact-form", rf.get("/"))) == 3


def test_links_are_refused_only_when_the_clinic_says_so(client, contact_page, contact_clinic):
    text = "格安の広告はこちら https://spam.example/ まで"
    post(client, contact_page, message=text)
    assert ContactSubmission.objects.count() == 1

    contact_clinic.contact_refuse_links = True
    contact_clinic.save()
    response = post(client, contact_page, message=text)

    html = response.content.decode()
    assert "URLを含む内容は送信できません" in html and 'id="id_message-error"' in html
    assert ContactSubmission.objects.count() == 1
    # An e-mail address is not a link.
    assert post(client, contact_page, email="hanako@example.jp").status_code == 200
    assert ContactSubmission.objects.count() == 2


def test_the_form_page_sends_nothing_to_another_host(client, contact_page):
    html = client.get(contact_page.url).content.decode()

    assert "recaptcha" not in html.lower() and "hcaptcha" not in html.lower() and "turnstile" not in html.lower()
    assert "https://" not in html.split("<footer")[0].split("<main")[1]
