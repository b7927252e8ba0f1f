"""The practitioner edits the form in Wagtail's form builder, and nothing a
reader typed ends up in an error report or a log line."""

import logging

import pytest
from django.views.debug import SafeExceptionReporterFilter
from wagtail.models import Site

from contact.models import ContactFormPage
from tests.factories import contact_form_data

pytestmark = pytest.mark.django_db


def test_a_new_form_page_can_be_added_under_home(admin_client, home):
    response = admin_client.get(f"/admin/pages/add/contact/contactformpage/{home.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "入力欄" in html and "送信後に表示する文章" in html
    assert '<option value="tel">電話番号</option>' in html
    assert '<option value="consent">同意（個人情報の取り扱い）</option>' in html


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
