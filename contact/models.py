"""お問い合わせフォーム: Wagtail's form builder, holding health information.

A submission and its mail notifications are written in one transaction;
the mails go out afterwards (outbox.py), so a mail server that is down
delays a mail and loses nothing. Submissions are seen only by staff with
the permission (wagtail_hooks.py), and deleted after the clinic's retention
period (retention.py). What is stored and who sees it: docs/contact.md."""

from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from clinic.models import ClinicSettings
from security.pages import PublicationWindowMixin

from . import caching, spam
from .defaults import DEFAULT_FIELDS, ContactFormPageForm, default_clean_name
from .fields import FIELD_TYPES, ContactFormBuilder
from .records import VIEW_PERMISSION, ContactSubmission, MailNotification  # noqa: F401  (their models load with the app's)
from .tasks import notify

DEFAULT_THANK_YOU = (
    "<p>お問い合わせを受け付けました。ありがとうございます。</p>"
    "<p>内容を確認し、2営業日以内にお電話またはメールでご連絡します。"
    "お急ぎの場合や、痛みが強い・しびれがあるなどの場合は、お電話でご相談ください。</p>"
)


class PermittedSubmissionsPanel(FormSubmissionsPanel):
    """The editor's count of submissions and link to them, only for staff who may read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and self.request.user.has_perm(VIEW_PERMISSION)


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("入力欄の種類"), max_length=16, choices=FIELD_TYPES)
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = _("入力欄")

    def get_field_clean_name(self):
        # A default field added in the admin is stored under the same name
        # as the demo's (name, email…), not under its label's escaped kana.
        return default_clean_name(self.label) or super().get_field_clean_name()


def default_form_fields():
    """The default fields (defaults.py) as unsaved rows, for a form page built in code."""
    return [ContactFormField(**field) for field in DEFAULT_FIELDS]


class ContactFormPage(PublicationWindowMixin, AbstractEmailForm):
    """A form readers send questions and booking requests through."""

    intro = RichTextField(_("フォームの前の文章"), blank=True, features=["bold", "link"])
    thank_you_text = RichTextField(
        _("送信後に表示する文章"),
        default=DEFAULT_THANK_YOU,
        features=["bold", "link"],
        help_text=_("このあと何が起きるか（いつ、どうやって連絡するか）を書いてください。"),
    )

    form_builder = ContactFormBuilder
    base_form_class = ContactFormPageForm

    content_panels = AbstractEmailForm.content_panels + [
        PermittedSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("入力欄")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]), FieldPanel("subject")],
            heading=_("通知メール（空欄なら院の設定の通知先・既定の差出人・既定の件名）"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("お問い合わせフォーム")
        verbose_name_plural = _("お問い合わせフォーム")

    def get_submission_class(self):
        return ContactSubmission

    def get_data_fields(self):
        return super().get_data_fields() + [("mail_status", _("通知メール"))]

    def get_submissions(self):
        return super().get_submissions().prefetch_related("notifications")

    def clinic_for(self, request=None):
        return ClinicSettings.for_request(request) if request else ClinicSettings.for_site(self.get_site())

    def process_form_submission(self, form):
        """The submission and its notifications, in one transaction; the
        mails are handed to the task worker once it commits (outbox.py)."""
        clinic = self.clinic_for(getattr(form, "request", None))
        with transaction.atomic():
            submission = ContactSubmission.objects.create(
                page=self, form_data=spam.without_spam_fields(form.cleaned_data)
            )
            notify(submission, self, clinic)
        return submission

    @method_decorator(sensitive_post_parameters())
    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, page=self, user=request.user)
            form.request = request
            if spam.rate_limited(request):
                form.is_valid()  # keeps what was typed, shows the limit
                form.add_error(None, spam.TOO_MANY)
                status = 429
            elif form.is_valid():
                reason = spam.refusal(form, self.clinic_for(request).contact_refuse_links)
                if reason:
                    form.add_error(None, reason)
                    spam.note_submission(request)
                elif not form.errors:
                    submission = self.process_form_submission(form)
                    spam.note_submission(request)
                    return caching.never_shared(self.render_landing_page(request, submission))
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        return caching.never_shared(TemplateResponse(request, self.get_template(request), context, status=status))

    def serve_preview(self, request, mode_name):
        return caching.never_shared(super().serve_preview(request, mode_name))
