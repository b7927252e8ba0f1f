"""Who sees submissions, and the admin's word on mails not yet sent.

Wagtail shows a form's submissions to anyone who may edit the form page.
A contact form holds health information, so Teate also asks for the
permission 「お問い合わせ」の閲覧 (contact.view_contactsubmission): an
editor who writes articles does not read patients' messages unless an
administrator grants it (設定 › グループ). Superusers have it."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks

from .models import ContactFormPage
from .outbox import unsent
from .records import VIEW_PERMISSION, ContactSubmission


def may_read_submissions(user):
    return user.has_perm(VIEW_PERMISSION)


@hooks.register("filter_form_submissions_for_user")
def contact_forms_need_the_permission(user, editable_forms):
    if may_read_submissions(user):
        return editable_forms
    return editable_forms.exclude(content_type=ContentType.objects.get_for_model(ContactFormPage))


@hooks.register("register_permissions")
def submission_permissions():
    """Listed under 「その他の権限」 when editing a group."""
    content_type = ContentType.objects.get_for_model(ContactSubmission)
    return Permission.objects.filter(content_type=content_type, codename__in=["view_contactsubmission"])


class UnsentMailPanel(Component):
    """On the dashboard while any notification has not gone out."""

    name = "contact_unsent_mail"
    template_name = "contact/admin/unsent_mail_panel.html"
    order = 40

    def __init__(self, waiting):
        self.waiting = waiting

    def get_context_data(self, parent_context):
        pages = {note.submission.page_id for note in self.waiting}
        return {
            "count": len(self.waiting),
            "last_error": next((note.last_error for note in reversed(self.waiting) if note.last_error), ""),
            "links": [reverse("wagtailforms:list_submissions", args=[pk]) for pk in sorted(pages)],
            "heading": _("送信できていない通知メール"),
        }


@hooks.register("construct_homepage_panels")
def add_unsent_mail_panel(request, panels):
    if may_read_submissions(request.user):
        waiting = list(unsent().select_related("submission").order_by("created_at")[:100])
        if waiting:
            panels.append(UnsentMailPanel(waiting))
