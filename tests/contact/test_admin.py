"""The practitioner edits the form in Wagtail's form builder, and nothing a
reader typed ends up in an error report or a log line."""

import logging

import pytest
from django.views.debug import SafeExceptionReporterFilter
from wagtail.models import Site

from contact.defaults import DEFAULT_FIELDS
from contact.models import ContactFormPage
from contact.records import ContactSubmission
from tests.factories import contact_form_data, make_contact_form
from tests.html import form_data

pytestmark = pytest.mark.django_db


def test_a_new_form_page_can_be_added_under_home(admin_client, home):
    response = admin_client.get(f"/admin/pages/add/contact/contactformpage/{home.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "入力欄" in html and "送信後に表示する文章" in html
    assert '<option value="tel">電話番号</option>' in html
    assert '<option value="consent">同意（個人情報の取り扱い）</option>' in html


def add_url(home):
    return f"/admin/pages/add/contact/contactformpage/{home.pk}/"


def field_rows(data):
    """The 入力欄 rows a posted editor form holds, as (label, type), in order."""
    count = int(data["form_fields-TOTAL_FORMS"][0])
    return [(data[f"form_fields-{i}-label"][0], data[f"form_fields-{i}-field_type"][0]) for i in range(count)]


def saved_fields(page):
    return [(field.label, field.clean_name, field.field_type, field.required, field.choices, field.help_text)
            for field in page.form_fields.all()]


DEFAULT_ROWS = [(field["label"], field["field_type"]) for field in DEFAULT_FIELDS]


def test_a_new_form_page_starts_with_the_default_fields_to_edit(admin_client, home):
    data = form_data(admin_client.get(add_url(home)), "page-edit-form")

    # New rows, not saved ones: the editor may still change or remove each.
    assert data["form_fields-INITIAL_FORMS"] == ["0"]
    assert field_rows(data) == DEFAULT_ROWS
    assert [label for label, _type in field_rows(data)] == [
        "お名前", "ふりがな", "電話番号", "メールアドレス", "ご希望の日時", "ご相談内容", "個人情報の取り扱いに同意する"]
    assert data["form_fields-4-choices"] == ["平日の午前\n平日の午後\n平日の夕方（17時以降）\n土曜の午前\n土曜の午後"]


def test_publishing_the_new_page_as_shown_saves_the_default_fields(admin_client, client, home, contact_clinic):
    data = form_data(admin_client.get(add_url(home)), "page-edit-form")
    data.update({"title": ["お問い合わせ"], "slug": ["contact"], "action-publish": ["action-publish"]})

    response = admin_client.post(add_url(home), data)

    assert response.status_code == 302
    page = ContactFormPage.objects.get()
    assert page.live
    assert saved_fields(page) == [
        (f["label"], f["clean_name"], f["field_type"], f["required"], f.get("choices", ""), f.get("help_text", ""))
        for f in DEFAULT_FIELDS
    ]
    # Stored under the same names as the demo's form, so a reader's answers arrive as they do there.
    client.post(page.url, contact_form_data())
    assert ContactSubmission.objects.get().form_data["phone"] == "090-1234-5678"


def test_a_default_field_removed_before_saving_is_not_saved(admin_client, home):
    data = form_data(admin_client.get(add_url(home)), "page-edit-form")
    data.update({"title": ["お問い合わせ"], "slug": ["contact"], "form_fields-1-DELETE": ["1"]})

    assert admin_client.post(add_url(home), data).status_code == 302

    labels = [field.label for field in ContactFormPage.objects.get().form_fields.all()]
    assert "ふりがな" not in labels and len(labels) == len(DEFAULT_FIELDS) - 1


def test_editing_a_form_with_fewer_fields_does_not_bring_the_defaults_back(admin_client, home):
    page = make_contact_form(home, fields=[
        {"label": "お名前", "clean_name": "name", "field_type": "singleline", "required": True},
        {"label": "個人情報の取り扱いに同意する", "clean_name": "consent", "field_type": "consent", "required": True},
    ])
    edit_url = f"/admin/pages/{page.pk}/edit/"

    data = form_data(admin_client.get(edit_url), "page-edit-form")
    assert field_rows(data) == [("お名前", "singleline"), ("個人情報の取り扱いに同意する", "consent")]

    data["action-publish"] = ["action-publish"]
    assert admin_client.post(edit_url, data).status_code == 302
    page.refresh_from_db()
    assert [field.label for field in page.form_fields.all()] == ["お名前", "個人情報の取り扱いに同意する"]


def test_the_editor_changes_a_field_and_readers_see_it(admin_client, client, contact_page):
    edit = admin_client.get(f"/admin/pages/{contact_page.pk}/edit/")
    assert edit.status_code == 200 and "ご相談内容" in edit.content.decode()

    field = contact_page.form_fields.get(clean_name="message")
    field.label = "症状やご質問"
    field.save()
    contact_page.save_revision().publish()

    assert "症状やご質問" in client.get(contact_page.url).content.decode()


def test_the_settings_panel_has_the_contact_form_settings(admin_client, contact_page):
    site = Site.objects.get(is_default_site=True)
    html = admin_client.get(f"/admin/settings/clinic/clinicsettings/{site.pk}/").content.decode()

    for label in ["お問い合わせ内容の利用目的", "プライバシーポリシーのページ", "お問い合わせの通知先メールアドレス",
                  "通知メールにお問い合わせの内容を含める", "受付確認メールを送る", "お問い合わせの保存期間（日）",
                  "URLを含むお問い合わせを受け付けない"]:
        assert label in html, label


def test_error_reports_never_show_what_the_reader_typed(client, contact_page):
    response = client.post(contact_page.url, contact_form_data(email="broken"))

    request = response.wsgi_request
    shown = SafeExceptionReporterFilter().get_post_parameters(request)
    assert "右膝" not in str(dict(shown)) and "山田" not in str(dict(shown))


def test_a_failing_mail_logs_no_message_and_no_address(client, contact_page, settings, caplog, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there

    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, contact_form_data())

    assert "not sent" in caplog.text
    assert "右膝" not in caplog.text and "hanako" not in caplog.text and "山田" not in caplog.text
    assert ContactFormPage.objects.get().get_submissions().count() == 1
