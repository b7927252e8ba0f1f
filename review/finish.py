"""What Wagtail does when a workflow ends approved (WAGTAIL_FINISH_WORKFLOW_ACTION):
publish the latest revision, as Wagtail's own publish_workflow_state does,
with one difference. A workflow whose last step was a 監修 approval publishes
on that approval's authority: the reviewer approves this text and needs no
right to publish anything else (a doctor is not made an editor).

Wagtail reads this setting while its models load, so this module imports no
model: the task's class is looked up when a workflow finishes."""

from django.apps import apps


def publish_workflow_state(workflow_state, user=None):
    last = workflow_state.current_task_state
    review_task = apps.get_model("review", "ReviewTask")
    approved_by_review = last is not None and isinstance(last.task.specific, review_task)
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=approved_by_review)
