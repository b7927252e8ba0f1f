"""The 監修 workflow and where it applies: one ReviewTask in one workflow,
assigned (Wagtail's WorkflowPage) to the blog, so every article is submitted
through it. An owner's own choice of workflow for the blog is kept.

Set up for every blog after `migrate` (post_migrate), for a blog created
later, and by `load_demo`; running it again changes nothing."""

from django.contrib.auth.models import Group
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from blog.models import BlogIndexPage

from .models import ReviewTask


def review_workflow():
    """The 監修 workflow, made once. Articles with no reviewer are approved by
    the groups that approve Wagtail's default workflow (Moderators)."""
    task = ReviewTask.objects.order_by("pk").first()
    if task is None:
        task = ReviewTask.objects.create(name=_("監修"))
        approving = Group.objects.filter(groupapprovaltask__active=True).distinct()
        task.groups.set(approving or Group.objects.filter(name="Moderators"))
    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=_("監修ワークフロー"))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def assign_review_workflow(blog_id):
    """The blog's articles go through 監修, unless the blog has a workflow already."""
    if not WorkflowPage.objects.filter(page_id=blog_id).exists():
        WorkflowPage.objects.create(page_id=blog_id, workflow=review_workflow())


@receiver(post_save, sender=BlogIndexPage)
def assign_to_new_blog(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review_workflow(instance.pk)


def assign_to_every_blog(sender, using, plan=None, **kwargs):
    """After a migrate that leaves the database fully migrated (not one
    stopping half-way back, where these tables may not exist yet; not a
    flush, which leaves no blog)."""
    if plan is None:
        return
    connection = connections[using]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    for blog_id in BlogIndexPage.objects.using(using).values_list("pk", flat=True):
        assign_review_workflow(blog_id)


def submit_for_review(article, user):
    """「監修に回す」: the article's latest revision enters its workflow."""
    return article.get_workflow().start(article, user)


def act_on_review(article, user, action, comment=""):
    """The reviewer (or anyone, who is then refused) acts on the task now
    waiting: "approve" or "reject", as Wagtail's action buttons do."""
    task_state = article.current_workflow_task_state
    return task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)
