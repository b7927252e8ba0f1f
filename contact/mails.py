"""The two mails a submission may send, built when they are sent (so a
corrected address in 院の設定 reaches a mail still waiting).

The clinic's notification says that a message arrived and links to it in
the admin; it carries what the reader wrote only when the clinic turned
that on (院の設定). The auto-reply confirms receipt and never echoes what
the reader wrote: anyone can type anyone's address into a form."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from clinic.models import ClinicSettings

from .records import MailNotification


class NoRecipient(ValueError):
    """The address this mail needs is not (or no longer) there."""


def clinic_recipients(page, clinic):
    addresses = page.to_address or clinic.contact_notification_email
    return [address.strip() for address in addresses.split(",") if address.strip()]


def reply_address(page, submission):
    """The address the reader typed into the form's first e-mail field."""
    field = page.get_form_fields().filter(field_type="email").first()
    return (submission.form_data.get(field.clean_name) or "").strip() if field else ""


def clinic_name(page, clinic):
    site = page.get_site()
    return clinic.clinic_name or (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@sensitive_variables("submission", "details", "context")
def build(notification):
    """The EmailMessage for a MailNotification, or NoRecipient."""
    submission = notification.submission
    page = submission.page.specific
    site = page.get_site()
    clinic = ClinicSettings.for_site(site) if site else ClinicSettings()
    name = clinic_name(page, clinic)
    context = {
        "clinic": clinic,
        "clinic_name": name,
        "page": page,
        "received_at": timezone.localtime(submission.submit_time),
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("wagtailforms:list_submissions", args=[page.pk]),
    }
    if notification.kind == MailNotification.CLINIC:
        recipients = clinic_recipients(page, clinic)
        if clinic.contact_mail_includes_details:
            data = submission.get_data()
            context["details"] = [(label, _plain(data.get(key))) for key, label in page.get_data_fields()
                                  if key not in ("submit_time", "mail_status")]
        subject = page.subject or f"【{name}】お問い合わせが届きました"
        template = "contact/mail/clinic_notification.txt"
    else:
        recipients = [reply_address(page, submission)]
        subject = f"【{name}】お問い合わせを受け付けました"
        template = "contact/mail/auto_reply.txt"
    if not any(recipients):
        raise NoRecipient(notification.kind)
    body = render_to_string(template, context)
    return EmailMessage(subject, body, page.from_address or settings.DEFAULT_FROM_EMAIL, recipients)


def _plain(value):
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if value is True:
        return "はい"
    return "" if value is None else str(value)
