"""The form as a reader fills it in: Japanese input accepted, mistakes
shown beside their field with what was typed kept, consent required, and
a thank-you page that says what happens next."""

import pytest

from contact.records import ContactSubmission
from pages.models import ContentPage
from tests.factories import contact_form_data, make_contact_form
from tests.html import reader_html
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db


def post(client, page, **overrides):
    return client.post(page.url, contact_form_data(**overrides))


def test_form_page_shows_the_default_fields_and_the_consent_with_its_purpose(client, contact_page, contact_clinic):
    contact_clinic.contact_purpose = "ご予約への回答のため"
    contact_clinic.save()

    html = reader_html(client.get(contact_page.url))

    for label in ["お名前", "ふりがな", "電話番号", "メールアドレス", "ご希望の日時", "ご相談内容", "個人情報の取り扱いに同意する"]:
        assert label in html, label
    assert "ご予約への回答のためにのみ利用し" in html
    assert 'type="tel"' in html and 'type="email"' in html and 'type="checkbox"' in html
    assert "csrfmiddlewaretoken" in html


def test_consent_links_the_privacy_policy_page(client, contact_page, contact_clinic, home):
    privacy = home.add_child(instance=ContentPage(title="プライバシーポリシー", slug="privacy"))
    privacy.save_revision().publish()
    contact_clinic.privacy_policy_page = privacy
    contact_clinic.save()

    html = client.get(contact_page.url).content.decode()

    assert '<a href="/privacy/">プライバシーポリシー</a>' in html


def test_a_valid_submission_is_stored_normalised_and_thanks_the_reader(client, contact_page):
    response = post(client, contact_page)

    assert response.status_code == 200
    html = reader_html(response)
    assert "お問い合わせを受け付けました" in html
    assert "2営業日以内" in html  # the thank-you text says what happens next
    submission = ContactSubmission.objects.get()
    assert submission.page_id == contact_page.pk
    assert submission.form_data["phone"] == "090-1234-5678"  # full-width digits and ー folded
    assert submission.form_data["consent"] is True
    assert submission.form_data["preferred_times"] == ["土曜の午前"]
    assert "homepage_url" not in submission.form_data and "form_started" not in submission.form_data


def test_full_width_email_address_is_folded(client, contact_page):
    post(client, contact_page, email="ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ")

    assert ContactSubmission.objects.get().form_data["email"] == "hanako@example.jp"


def test_missing_consent_is_refused_with_nothing_stored(client, contact_page):
    response = post(client, contact_page, consent=None)

    html = reader_html(response)
    assert response.status_code == 200
    assert "同意いただけない場合は、送信できません" in html
    assert ContactSubmission.objects.count() == 0


def test_a_form_without_a_consent_field_still_asks_for_consent(client, home, contact_clinic):
    page = make_contact_form(home, slug="toiawase", fields=[{"label": "お名前", "clean_name": "name", "field_type": "singleline", "required": True}])

    response = client.post(page.url, contact_form_data(consent=None))

    assert "同意いただけない場合は、送信できません" in reader_html(response)
    assert ContactSubmission.objects.count() == 0


def test_bad_email_and_phone_are_shown_beside_their_fields_and_typed_values_stay(client, contact_page):
    response = post(client, contact_page, email="hanako@@example", phone="090-12")

    html = response.content.decode()
    assert ContactSubmission.objects.count() == 0
    assert "メールアドレスの形式が正しくありません" in html
    assert "電話番号は数字とハイフンで入力してください" in html
    # Each error is tied to its own input, and the reader's text is still there.
    assert 'aria-describedby="id_email-help id_email-error"' in html and 'id="id_email-error"' in html
    assert 'aria-invalid="true"' in html
    assert "右膝の内側が2週間痛みます。土曜の午前に伺えますか" in html
    assert 'value="山田 花子"' in html


def test_a_message_over_the_length_limit_is_refused(client, contact_page):
    response = post(client, contact_page, message="痛" * 2001)

    html = response.content.decode()
    assert 'id="id_message-error"' in html and "2000" in html
    assert ContactSubmission.objects.count() == 0


def test_required_fields_are_marked_and_checked(client, contact_page):
    response = post(client, contact_page, name="", message="")

    html = response.content.decode()
    assert html.count("この項目は必須です") == 2
    assert ContactSubmission.objects.count() == 0


def test_form_page_answers_in_a_fixed_number_of_queries(client, contact_page, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False
    client.get(contact_page.url)

    with django_assert_max_num_queries(MAX_QUERIES["contact form"]):
        assert client.get(contact_page.url).status_code == 200
