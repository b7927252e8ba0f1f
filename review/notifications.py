"""Wagtail's workflow emails, extended to the 監修 step: a submission
reaches the article's reviewer, or the task's groups when it names none
(Wagtail's own notifier only knows its group approval task). Rejections and approvals reach the writer through Wagtail's own
notifiers, the reviewer's comment included."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import EmailNotificationMixin, Notifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from .models import ReviewTask, reviewer_and_authors


class ReviewSubmissionNotifier(EmailNotificationMixin, Notifier):
    notification = "submitted"
    template_directory = "review/notifications/"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and isinstance(instance.task.specific, ReviewTask)

    def get_template_base_prefix(self, instance, **kwargs):
        return "review_task_"

    def get_recipient_users(self, task_state, **kwargs):
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            return set()
        reviewer_id, _writers = reviewer_and_authors(task_state)
        users = get_user_model().objects
        if reviewer_id:
            recipients = users.filter(author__pk=reviewer_id)
        else:  # no reviewer named: the task's groups approve, as Wagtail's group approval
            recipients = users.filter(groups__in=task_state.task.specific.groups.all()).distinct()
        triggering_user = kwargs.get("user")
        return set(recipients.exclude(pk=triggering_user.pk) if triggering_user else recipients)

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["task"] = task_state.task.specific
        context["page"] = task_state.workflow_state.content_object.specific
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


review_submission_notifier = ReviewSubmissionNotifier()
task_submitted.connect(review_submission_notifier, dispatch_uid="review_task_submitted_email")
