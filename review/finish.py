"""What Wagtail does when a workflow ends approved (WAGTAIL_FINISH_WORKFLOW_ACTION):
publish the latest revision, as Wagtail's own publish_workflow_state does,
with two differences:

- A workflow whose last step was a 監修 approval publishes on that approval's
  authority: the reviewer approves this text and needs no right to publish
  anything else (a doctor is not made an editor).
- An approval does not override a clinic's publish gates (blog/publish_gates.py,
  e.g. 「注意表現が残る記事の公開を止める」): text a gate holds back stays a
  draft, the workflow still ends approved, and the page's history says why.
  The editor publishes once the text passes.

Wagtail reads this setting while its models load, so this module imports no
model: the task's class is looked up when a workflow finishes."""

from django.apps import apps


def publish_workflow_state(workflow_state, user=None):
    # Wagtail imports this module while its models load; publish_gates imports wagtail.models.
    from blog.publish_gates import publish_unless_refused

    last = workflow_state.current_task_state
    review_task = apps.get_model("review", "ReviewTask")
    approved_by_review = last is not None and isinstance(last.task.specific, review_task)
    revision = workflow_state.content_object.get_latest_revision()
    publish_unless_refused(revision, user=user, skip_permission_checks=approved_by_review)
