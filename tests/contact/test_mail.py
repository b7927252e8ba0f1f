"""Mail through a real SMTP server on loopback: the clinic hears that a
message arrived (without the health details unless it asked for them), the
reader's auto-reply never echoes what they wrote, and a mail server that
is down delays the mail without losing it or the submission."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact import outbox
from contact.records import ContactSubmission, MailNotification
from tests.factories import contact_form_data

pytestmark = pytest.mark.django_db

MESSAGE = "右膝の内側が2週間痛みます。土曜の午前に伺えますか"


def submit(client, page, django_capture_on_commit_callbacks, **overrides):
    """Post the form; the transaction commits and the task worker (the
    immediate backend in tests) tries the mails."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, contact_form_data(**overrides))
    assert response.status_code == 200
    return response


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def test_clinic_is_told_a_message_arrived_with_a_link_but_no_health_details(
    client, smtp, contact_page, django_capture_on_commit_callbacks
):
    submit(client, contact_page, django_capture_on_commit_callbacks)

    [mail] = smtp.inbox.to("clinic@teate.example")
    body = mail.get_content()
    assert "お問い合わせが届きました" in mail["Subject"]
    assert mail["From"] == "no-reply@teate.example"
    assert f"http://testserver/admin/forms/submissions/{contact_page.pk}/" in body
    assert "膝" not in body and "山田" not in body and "090" not in body
    assert MailNotification.objects.get().sent_at is not None


def test_clinic_that_asked_for_details_gets_them(client, smtp, contact_page, contact_clinic, django_capture_on_commit_callbacks):
    contact_clinic.contact_mail_includes_details = True
    contact_clinic.save()

    submit(client, contact_page, django_capture_on_commit_callbacks)

    body = smtp.inbox.to("clinic@teate.example")[0].get_content()
    assert MESSAGE in body and "お名前: 山田 花子" in body and "電話番号: 090-1234-5678" in body


def test_auto_reply_confirms_receipt_without_echoing_the_message(
    client, smtp, contact_page, contact_clinic, django_capture_on_commit_callbacks
):
    contact_clinic.contact_auto_reply = True
    contact_clinic.save()

    response = submit(client, contact_page, django_capture_on_commit_callbacks)

    [reply] = smtp.inbox.to("hanako@example.jp")
    body = reply.get_content()
    assert "受け付けました" in reply["Subject"] and "てあて整体院" in body
    assert "膝" not in body and "山田" not in body and "土曜" not in body
    assert "受け付けたことをお知らせするメールをお送りしました" in response.content.decode()


def test_no_auto_reply_unless_the_clinic_turns_it_on(client, smtp, contact_page, django_capture_on_commit_callbacks):
    submit(client, contact_page, django_capture_on_commit_callbacks)

    assert smtp.inbox.to("hanako@example.jp") == []


def test_mail_server_down_then_back_sends_the_mail_later_and_loses_nothing(
    client, smtp, contact_page, django_capture_on_commit_callbacks
):
    smtp.stop()

    submit(client, contact_page, django_capture_on_commit_callbacks)

    submission = ContactSubmission.objects.get()  # stored whatever the mail server does
    note = MailNotification.objects.get(submission=submission)
    assert (note.sent_at, note.attempts) == (None, 1)
    assert "ConnectionRefusedError" in note.last_error
    assert outbox.send_due(now=later(0.5)) == (0, 0)  # not due yet: it waits a minute
    assert outbox.send_due(now=later(1.5)) == (0, 1)  # still down: it waits two more
    assert MailNotification.objects.get().next_attempt_at > later(3)

    smtp.start()
    assert outbox.send_due(now=later(4)) == (1, 0)

    [mail] = smtp.inbox.to("clinic@teate.example")
    assert "お問い合わせが届きました" in mail["Subject"]
    assert outbox.send_due(now=later(60)) == (0, 0)  # sent once, never again
    assert len(smtp.inbox.messages) == 1


# The scheduler closes its connections between rounds, as in production: a real transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_sends_what_the_worker_could_not(client, smtp, contact_page, django_capture_on_commit_callbacks):
    smtp.stop()
    submit(client, contact_page, django_capture_on_commit_callbacks)
    smtp.start()
    MailNotification.objects.update(next_attempt_at=timezone.now())  # its minute has passed

    call_command("run_scheduler", interval=0.01, runs=1, stdout=open("/dev/null", "w"))

    assert len(smtp.inbox.to("clinic@teate.example")) == 1
    assert MailNotification.objects.get().sent_at is not None


def test_a_mail_being_sent_is_not_sent_twice(client, smtp, contact_page, django_capture_on_commit_callbacks):
    smtp.stop()
    submit(client, contact_page, django_capture_on_commit_callbacks)
    smtp.start()
    note = MailNotification.objects.get()
    now = later(2)

    assert outbox.claim(note.pk, now)  # the worker took it
    assert outbox.send_due(now=now) == (0, 0)  # the scheduler leaves it alone
    assert outbox.deliver(note.pk, now) is False
    assert smtp.inbox.messages == []


def test_no_notification_address_sends_nothing_and_keeps_the_submission(
    client, smtp, contact_page, contact_clinic, django_capture_on_commit_callbacks
):
    contact_clinic.contact_notification_email = ""
    contact_clinic.save()

    submit(client, contact_page, django_capture_on_commit_callbacks)

    assert ContactSubmission.objects.count() == 1
    assert MailNotification.objects.count() == 0 and smtp.inbox.messages == []


def test_page_address_overrides_the_clinic_address(client, smtp, contact_page, django_capture_on_commit_callbacks):
    contact_page.to_address = "yoyaku@teate.example"
    contact_page.subject = "フォームからの連絡"
    contact_page.save_revision().publish()

    submit(client, contact_page, django_capture_on_commit_callbacks)

    [mail] = smtp.inbox.to("yoyaku@teate.example")
    assert mail["Subject"] == "フォームからの連絡"
    assert smtp.inbox.to("clinic@teate.example") == []
