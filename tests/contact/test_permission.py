"""Submissions hold health information: only staff with the permission
「お問い合わせ」の閲覧 read or export them, the admin says which mails have
not gone out, and nothing a reader wrote reaches search."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from contact.records import ContactSubmission, MailNotification
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

MESSAGE = "右膝の内側が2週間痛みます"


@pytest.fixture
def submission(contact_page):
    return ContactSubmission.objects.create(
        page=contact_page, form_data={"name": "山田 花子", "message": MESSAGE, "consent": True}
    )


def list_url(page):
    return f"/admin/forms/submissions/{page.pk}/"


def staff(django_user_model, *permissions):
    """A member of Wagtail's Editors group: may edit every page."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(*[Permission.objects.get(codename=codename) for codename in permissions])
    client = Client()
    client.force_login(user)
    return client


def test_superuser_reads_and_exports_submissions(admin_client, contact_page, submission):
    listing = admin_client.get(list_url(contact_page))
    export = admin_client.get(list_url(contact_page) + "?export=csv")

    assert listing.status_code == 200 and MESSAGE in listing.content.decode()
    assert export.status_code == 200 and MESSAGE in b"".join(export.streaming_content if export.streaming else [export.content]).decode("utf-8-sig")


def test_an_editor_who_may_edit_the_page_does_not_read_patients_messages(django_user_model, contact_page, submission):
    client = staff(django_user_model)

    assert contact_page.permissions_for_user(django_user_model.objects.get(username="editor")).can_edit()
    listing = client.get(list_url(contact_page))
    export = client.get(list_url(contact_page) + "?export=csv")
    forms = client.get("/admin/forms/")

    assert listing.status_code in (302, 403) and MESSAGE not in listing.content.decode()
    assert export.status_code in (302, 403)
    assert list_url(contact_page) not in forms.content.decode()


def test_an_editor_granted_the_permission_reads_them(django_user_model, contact_page, submission):
    client = staff(django_user_model, "view_contactsubmission")

    listing = client.get(list_url(contact_page))

    assert listing.status_code == 200 and MESSAGE in listing.content.decode()


def test_the_permission_can_be_granted_to_a_group_in_the_admin(admin_client):
    group = Group.objects.get(name="Editors")

    permission = Permission.objects.get(codename="view_contactsubmission")

    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()

    assert "<h3>お問い合わせ</h3>" in html and f'name="permissions" value="{permission.pk}"' in html


def test_the_admin_shows_mails_that_have_not_gone_out(admin_client, contact_page, submission):
    MailNotification.objects.create(
        submission=submission, kind=MailNotification.CLINIC, next_attempt_at=timezone.now(), attempts=2,
        last_error="ConnectionRefusedError: Connection refused",
    )

    listing = admin_client.get(list_url(contact_page)).content.decode()
    dashboard = admin_client.get("/admin/").content.decode()

    assert "院への通知: 未送信（2回失敗）" in listing
    assert "送信できていない通知メール" in dashboard and "1 件、まだ送信されていません" in dashboard
    assert "ConnectionRefusedError" in dashboard


def test_no_unsent_mail_panel_for_staff_without_the_permission(django_user_model, contact_page, submission):
    MailNotification.objects.create(submission=submission, kind=MailNotification.CLINIC, next_attempt_at=timezone.now())

    assert "送信できていない通知メール" not in staff(django_user_model).get("/admin/").content.decode()


def test_nothing_a_reader_wrote_reaches_search(client, admin_client, contact_page, submission):
    assert MESSAGE not in client.get("/search/", {"q": "右膝の内側"}).content.decode()
    assert not SearchEntry.objects.filter(page_id=contact_page.pk).exists()
    admin_search = admin_client.get("/admin/pages/search/", {"q": "右膝の内側"}).content.decode()
    assert MESSAGE not in admin_search


def test_the_page_editor_shows_the_submission_count_only_to_staff_with_the_permission(
    admin_client, django_user_model, contact_page, submission
):
    edit_url = f"/admin/pages/{contact_page.pk}/edit/"

    assert list_url(contact_page) in admin_client.get(edit_url).content.decode()
    editor = staff(django_user_model).get(edit_url)
    assert editor.status_code == 200 and list_url(contact_page) not in editor.content.decode()
