"""Each submission is deleted once the clinic's retention period
(院の設定, 90 days by default) has passed: a clinic keeps health
information only as long as it needs it. Its mails go with it."""

from datetime import timedelta

from django.utils import timezone

from clinic.models import ClinicSettings

from .models import ContactFormPage
from .records import ContactSubmission

DEFAULT_DAYS = 90


def retention_days(page):
    site = page.get_site()
    return ClinicSettings.for_site(site).contact_retention_days if site else DEFAULT_DAYS


def delete_expired(now=None):
    """Delete what each form page has kept past its site's period; the number deleted."""
    now = now or timezone.now()
    deleted = 0
    for page in ContactFormPage.objects.all():
        cutoff = now - timedelta(days=retention_days(page))
        expired = ContactSubmission.objects.filter(page=page, submit_time__lt=cutoff)
        deleted += expired.delete()[1].get(ContactSubmission._meta.label, 0)
    return deleted
