"""What a submission leaves in the database: the reader's message, and
the mails it sends until they have gone out (outbox.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

# Who may read submissions, besides being allowed to edit the form page (wagtail_hooks.py).
VIEW_PERMISSION = "contact.view_contactsubmission"


class ContactSubmission(AbstractFormSubmission):
    """One reader's message: personal and health information (要配慮個人情報)."""

    class Meta:
        verbose_name = _("お問い合わせ")
        verbose_name_plural = _("お問い合わせ")

    def get_data(self):
        return {**super().get_data(), "mail_status": self.mail_status}

    @property
    def mail_status(self):
        notes = [note.status_label for note in self.notifications.all()]
        return "、".join(notes) or _("送信なし")


class MailNotification(models.Model):
    """One mail a submission sends: written with the submission, sent and
    retried by the outbox until it goes out or the submission is deleted."""

    CLINIC = "clinic"
    AUTO_REPLY = "auto_reply"
    KINDS = [(CLINIC, _("院への通知")), (AUTO_REPLY, _("受付確認メール"))]

    submission = models.ForeignKey(
        ContactSubmission, verbose_name=_("お問い合わせ"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("種類"), max_length=16, choices=KINDS)
    created_at = models.DateTimeField(_("作成日時"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("送信を試みた回数"), default=0)
    next_attempt_at = models.DateTimeField(_("次に送信を試みる日時"), db_index=True)
    # Whoever sends holds it until then, so the worker and the scheduler never both send it.
    locked_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("送信日時"), null=True, blank=True, db_index=True)
    last_error = models.CharField(_("最後のエラー"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("通知メール")
        verbose_name_plural = _("通知メール")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.submission_id}"

    @property
    def status_label(self):
        if self.sent_at:
            return _("%(kind)s: 送信済み") % {"kind": self.get_kind_display()}
        if self.attempts:
            return _("%(kind)s: 未送信（%(attempts)d回失敗）") % {"kind": self.get_kind_display(), "attempts": self.attempts}
        return _("%(kind)s: 送信待ち") % {"kind": self.get_kind_display()}
