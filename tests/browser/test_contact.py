"""The demo's お問い合わせ on a phone, in real Chromium: reached from the
booking bar, filled in with a phone keyboard's full-width digits, a
mistake shown beside its field with the text kept, the thank-you page, and
no accessibility violations (axe-core) before or after a mistake."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from contact.records import ContactSubmission
from security.attempts import attempts_key
from tests.browser.conftest import OfflinePage
from tests.browser.test_readers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo(live_server, settings, rf):
    settings.CONTACT_MIN_FILL_SECONDS = 1
    cache.delete(attempts_key("contact-form", rf.get("/")))
    call_command("load_demo", stdout=open("/dev/null", "w"))


def fill_in(page):
    page.get_by_label("お名前").fill("山田 花子")
    page.get_by_label("ふりがな").fill("やまだ はなこ")
    page.get_by_label("電話番号").fill("０９０ー１２３４ー５６７８")
    page.get_by_label("メールアドレス").fill("hanako@example.jp")
    page.get_by_label("土曜の午前").check()
    page.get_by_label("ご相談内容").fill("右膝の内側が2週間痛みます。土曜の午前に伺えますか")


def test_a_reader_on_a_phone_sends_the_demo_form_from_the_booking_bar(offline_page, live_server, demo):
    page = offline_page.page
    page.goto(live_server.url + "/")
    page.locator(".booking-bar__link--booking").click()
    page.wait_for_url("**/contact/")

    fill_in(page)
    page.wait_for_timeout(1100)  # a person takes longer than CONTACT_MIN_FILL_SECONDS
    page.get_by_role("button", name="送信する").click()

    # No consent: the error is beside the checkbox, and everything typed is still there.
    consent = page.get_by_label("個人情報の取り扱いに同意する")
    assert consent.get_attribute("aria-invalid") == "true"
    assert "同意いただけない場合は、送信できません" in page.locator("#id_consent-error").inner_text()
    assert page.get_by_label("ご相談内容").input_value() == "右膝の内側が2週間痛みます。土曜の午前に伺えますか"
    assert page.get_by_label("土曜の午前").is_checked()
    assert ContactSubmission.objects.count() == 0

    consent.check()
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="送信する").click()

    assert page.get_by_role("heading", level=1).inner_text() == "お問い合わせを受け付けました"
    assert "2営業日以内" in page.locator(".contact__thanks").inner_text()
    submission = ContactSubmission.objects.get()
    assert submission.form_data["phone"] == "090-1234-5678"
    assert offline_page.outside_requests == []


def test_the_submit_button_is_not_hidden_by_the_booking_bar(offline_page, live_server, demo):
    page = offline_page.page
    page.goto(live_server.url + "/contact/")
    button = page.get_by_role("button", name="送信する")

    button.focus()
    box, bar = button.bounding_box(), page.locator(".booking-bar__list").bounding_box()

    assert box["width"] > 300  # full width on a phone: easy to tap
    assert box["y"] + box["height"] <= bar["y"] + 1


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_contact_form_has_no_axe_violations_before_and_after_a_mistake(chromium, live_server, demo, color_scheme):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True, color_scheme=color_scheme)
    page = OfflinePage(context).page
    try:
        page.goto(live_server.url + "/contact/")
        assert axe_violations(page) == [], "the empty form"

        page.get_by_label("メールアドレス").fill("hanako@@example")
        page.get_by_role("button", name="送信する").click()
        page.wait_for_selector("#id_email-error")
        assert axe_violations(page) == [], "the form with errors"
    finally:
        context.close()
