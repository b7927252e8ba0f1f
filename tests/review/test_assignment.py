"""The 監修 workflow is assigned to the blog once, after migrate, for a new
blog and by load_demo, and never replaces an owner's own choice."""

import pytest
from wagtail.models import Workflow, WorkflowPage

from review.models import ReviewTask
from review.workflow import assign_review_workflow, assign_to_every_blog

pytestmark = pytest.mark.django_db


def test_migrate_assigns_the_workflow_to_a_blog_that_has_none(blog):
    WorkflowPage.objects.filter(page=blog).delete()  # a database from before the 監修 step

    assign_to_every_blog(sender=None, using="default", plan=[])

    assert WorkflowPage.objects.get(page=blog).workflow.name == "監修ワークフロー"
    assert ReviewTask.objects.count() == 1


def test_assigning_again_changes_nothing_and_keeps_an_owners_workflow(blog):
    owners = Workflow.objects.create(name="院長の確認")
    WorkflowPage.objects.filter(page=blog).update(workflow=owners)

    assign_review_workflow(blog.pk)
    assign_to_every_blog(sender=None, using="default", plan=[])

    assert WorkflowPage.objects.get(page=blog).workflow == owners
    assert Workflow.objects.filter(name="監修ワークフロー").count() == 1 and ReviewTask.objects.count() == 1


def test_articles_naming_no_reviewer_are_approved_by_the_default_workflows_groups(blog):
    task = ReviewTask.objects.get()
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
