"""demo/contact_form.py: `load_demo` gives the clinic a form at /contact/
and a privacy policy, once, and never changes what an owner did to them."""

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings
from contact.models import ContactFormPage
from demo.loader import load
from pages.models import ContentPage
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def clinic():
    return ClinicSettings.for_site(Site.objects.get(is_default_site=True))


def test_demo_serves_the_form_at_contact_linked_from_footer_and_booking_bar(client):
    load()

    page = ContactFormPage.objects.get()
    assert page.url == "/contact/" and page.live
    assert [field.clean_name for field in page.form_fields.all()] == [
        "name", "furigana", "phone", "email", "preferred_times", "message", "consent",
    ]
    settings = clinic()
    assert (settings.contact_page_id, settings.privacy_policy_page.url) == (page.pk, "/privacy/")
    html = reader_html(client.get("/"))
    assert 'class="booking-bar__link booking-bar__link--booking" href="/contact/"' in client.get("/").content.decode()
    assert "お問い合わせ" in html
    form = client.get("/contact/").content.decode()
    assert '<a href="/privacy/">プライバシーポリシー</a>' in form


def test_loading_again_changes_nothing_an_owner_edited():
    load()
    page = ContactFormPage.objects.get()
    page.title = "ご予約フォーム"
    page.form_fields.filter(clean_name="furigana").delete()
    page.save_revision().publish()
    settings = clinic()
    settings.contact_page = None
    settings.contact_auto_reply = False
    settings.save()

    load()

    page = ContactFormPage.objects.get()
    assert page.title == "ご予約フォーム" and not page.form_fields.filter(clean_name="furigana").exists()
    assert ContentPage.objects.filter(slug="privacy").count() == 1
    settings = clinic()
    assert (settings.contact_page, settings.contact_auto_reply) == (None, False)
