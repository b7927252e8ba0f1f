"""Sending the mails a submission left behind (records.MailNotification).

The task worker tries each mail as soon as the submission commits
(tasks.py); whatever did not go out, the scheduler's `contact_housekeeping`
tries again, waiting longer after each failure (1, 2, 4… minutes, then
hourly) until it goes out or the submission is deleted. Whoever sends a
mail first takes it (`claim`), so the worker and the scheduler never both
send it."""

import logging
import smtplib
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from . import mails
from .records import MailNotification

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # longer than any SMTP timeout
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)
BATCH = 100


def next_attempt(attempts, now):
    """When to try again after `attempts` failures: 1, 2, 4… minutes, at most an hour."""
    return now + min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def unclaimed(now):
    return Q(sent_at__isnull=True) & (Q(locked_until__isnull=True) | Q(locked_until__lte=now))


def claim(pk, now):
    return MailNotification.objects.filter(unclaimed(now), pk=pk).update(locked_until=now + LEASE) == 1


def deliver(pk, now=None):
    """Send one mail unless it is sent or someone else is sending it. True if it went out."""
    now = now or timezone.now()
    if not claim(pk, now):
        return False
    notification = MailNotification.objects.select_related("submission").get(pk=pk)
    try:
        mails.build(notification).send()
    except (smtplib.SMTPException, OSError, mails.NoRecipient) as error:
        attempts = notification.attempts + 1
        MailNotification.objects.filter(pk=pk).update(
            attempts=attempts, next_attempt_at=next_attempt(attempts, now), locked_until=None,
            last_error=describe(error),
        )
        logger.warning("contact mail %s not sent (attempt %s): %s", pk, attempts, describe(error))
        return False
    MailNotification.objects.filter(pk=pk).update(
        sent_at=timezone.now(), attempts=notification.attempts + 1, locked_until=None, last_error=""
    )
    return True


def describe(error):
    """What went wrong, without the message or the reader's address
    (an SMTP refusal quotes the recipients)."""
    if isinstance(error, mails.NoRecipient):
        return "宛先のメールアドレスがありません（院の設定の通知先、またはフォームのメールアドレス欄）"
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{type(error).__name__}: SMTP {error.smtp_code}"
    if isinstance(error, OSError) and error.strerror:
        return f"{type(error).__name__}: {error.strerror}"[:300]
    return type(error).__name__


def send_due(now=None):
    """Try every mail whose time has come; (sent, still waiting)."""
    now = now or timezone.now()
    due = MailNotification.objects.filter(unclaimed(now), next_attempt_at__lte=now).values_list("pk", flat=True)
    results = [deliver(pk, now) for pk in list(due[:BATCH])]
    return results.count(True), results.count(False)


def unsent():
    return MailNotification.objects.filter(sent_at__isnull=True)
