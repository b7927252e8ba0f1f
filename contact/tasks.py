"""The task worker's part: each mail is tried once the submission has
committed. The mail rows are written in the submission's transaction, so
a worker, queue or mail server that is down loses nothing: the scheduler
sends what is left (outbox.send_due)."""

import logging
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import mails, outbox
from .records import MailNotification

logger = logging.getLogger(__name__)


@task()
def send_notification(notification_id):
    outbox.deliver(notification_id)


def notify(submission, page, clinic):
    """Write the mails this submission sends (inside its transaction) and
    hand them to the worker once it commits."""
    kinds = []
    if mails.clinic_recipients(page, clinic):
        kinds.append(MailNotification.CLINIC)
    if clinic.contact_auto_reply and mails.reply_address(page, submission):
        kinds.append(MailNotification.AUTO_REPLY)
    now = timezone.now()
    created = MailNotification.objects.bulk_create(
        [MailNotification(submission=submission, kind=kind, next_attempt_at=now + outbox.FIRST_RETRY) for kind in kinds]
    )
    for notification in created:
        transaction.on_commit(partial(enqueue, notification.pk), robust=True)
    return created


def enqueue(notification_id):
    try:
        send_notification.enqueue(notification_id)
    except Exception:  # a queue that is down: the scheduler sends it later
        logger.warning("contact mail %s not queued; the scheduler will send it", notification_id, exc_info=True)
