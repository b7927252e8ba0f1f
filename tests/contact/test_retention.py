"""Each submission is deleted once the clinic's retention period has
passed, by the scheduler; nothing newer goes."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact import retention
from contact.records import ContactSubmission, MailNotification

pytestmark = pytest.mark.django_db


def submission(page, days_ago, **extra):
    row = ContactSubmission.objects.create(page=page, form_data={"message": "膝が痛みます"})
    ContactSubmission.objects.filter(pk=row.pk).update(submit_time=timezone.now() - timedelta(days=days_ago, **extra))
    return row


def test_default_period_is_90_days_and_nothing_newer_is_deleted(contact_page):
    old = submission(contact_page, 90, minutes=1)
    MailNotification.objects.create(submission=old, kind=MailNotification.CLINIC, next_attempt_at=timezone.now())
    kept = [submission(contact_page, 89, hours=23), submission(contact_page, 1), submission(contact_page, 0)]

    assert retention.delete_expired() == 1

    assert set(ContactSubmission.objects.values_list("pk", flat=True)) == {row.pk for row in kept}
    assert MailNotification.objects.count() == 0  # its mails went with it


def test_the_clinic_chooses_the_period(contact_page, contact_clinic):
    contact_clinic.contact_retention_days = 30
    contact_clinic.save()
    submission(contact_page, 31)
    newer = submission(contact_page, 29)

    assert retention.delete_expired() == 1
    assert list(ContactSubmission.objects.values_list("pk", flat=True)) == [newer.pk]


# The scheduler closes its connections between rounds, as in production: a real transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_scheduler_deletes_expired_submissions(contact_page):
    submission(contact_page, 120)
    newer = submission(contact_page, 10)

    call_command("run_scheduler", interval=0.01, runs=1, stdout=open("/dev/null", "w"))

    assert list(ContactSubmission.objects.values_list("pk", flat=True)) == [newer.pk]

