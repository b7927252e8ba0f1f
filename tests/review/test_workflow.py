"""監修 is a step of Wagtail's workflow that only the article's reviewer,
through their own login, can approve or reject."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, WorkflowPage, WorkflowState

from blog.models import ArticlePage
from review.models import ReviewApproval, ReviewTask
from review.workflow import act_on_review, submit_for_review
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_the_blog_is_assigned_the_review_workflow(blog, article):
    assignment = WorkflowPage.objects.get(page=blog)
    assert [task.specific.__class__ for task in assignment.workflow.tasks] == [ReviewTask]
    assert article.get_workflow() == assignment.workflow


def test_only_the_reviewer_may_approve(article, writer, doctor_user, owner, other_editor):
    submit_for_review(article, writer)
    task = article.current_workflow_task

    for user in [writer, owner, other_editor]:
        assert task.get_actions(article, user) == [], user
        assert not task.user_can_access_editor(article, user), user
        assert task.locked_for_user(article, user), user
        with pytest.raises(PermissionDenied):
            act_on_review(article, user, "approve")
    assert [name for name, _label, _modal in task.get_actions(article, doctor_user)] == ["reject", "approve", "approve"]
    assert task.user_can_access_editor(article, doctor_user) and not task.locked_for_user(article, doctor_user)
    assert not ReviewApproval.objects.exists()


def test_a_superuser_cannot_approve_through_the_admin(client, article, writer, owner):
    submit_for_review(article, writer)
    state = article.current_workflow_task_state
    client.force_login(owner)

    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk]), {})

    assert response.status_code == 302 and response.url == "/admin/"  # Wagtail's "no permission" redirect
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_the_reviewer_approves_in_the_admin_and_the_article_goes_live_with_the_record(client, article, writer, doctor_user, doctor):
    submit_for_review(article, writer)
    state = article.current_workflow_task_state
    client.force_login(doctor_user)

    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk]), {})

    assert response.status_code == 302
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and live.review_credit.reviewer == doctor
    approval = ReviewApproval.objects.get()
    assert (approval.article_id, approval.reviewer, approval.approved_by) == (article.pk, doctor, doctor_user)
    assert approval.revision == live.live_revision  # the revision approved is the one published


def test_a_rejection_needs_a_comment_which_reaches_the_writer(client, article, writer, doctor_user, mailoutbox):
    submit_for_review(article, writer)
    state = article.current_workflow_task_state
    client.force_login(doctor_user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "reject", state.pk])
    xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

    empty = client.post(url, {"comment": ""}, **xhr)
    assert "差し戻すときはコメントを書いてください。" in empty.json()["html"]
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    client.post(url, {"comment": "「必ず治る」は言い切りすぎです。"}, **xhr)

    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED and state.comment == "「必ず治る」は言い切りすぎです。"
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    to_writer = [message for message in mail.outbox if message.to == [writer.email]]
    assert to_writer and "「必ず治る」は言い切りすぎです。" in to_writer[0].body
    client.force_login(writer)
    editor = reader_html(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    assert "「必ず治る」は言い切りすぎです。" in editor  # shown where the writer works
    assert not ArticlePage.objects.get(pk=article.pk).live and not ReviewApproval.objects.exists()


def test_the_submission_email_reaches_the_reviewer(article, writer, doctor_user, mailoutbox):
    submit_for_review(article, writer)

    to_doctor = [message for message in mail.outbox if message.to == [doctor_user.email]]
    assert len(to_doctor) == 1
    assert to_doctor[0].subject == "監修の依頼:「膝の内側が痛むとき」"
    assert f"/admin/pages/{article.pk}/edit/" in to_doctor[0].body


def test_the_reviewers_dashboard_shows_what_waits_for_them(client, article, writer, doctor_user, other_editor):
    submit_for_review(article, writer)

    client.force_login(doctor_user)
    dashboard = reader_html(client.get(reverse("wagtailadmin_home")))
    assert "膝の内側が痛むとき" in dashboard
    assert reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", article.current_workflow_task_state.pk]) in dashboard

    client.force_login(other_editor)
    assert "膝の内側が痛むとき" not in reader_html(client.get(reverse("wagtailadmin_home")))


def test_the_reviewer_opens_the_editor_without_page_permissions(client, article, writer, doctor_user):
    submit_for_review(article, writer)
    client.force_login(doctor_user)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert "監修を承認する" in reader_html(response)


def test_an_article_without_a_reviewer_is_approved_by_the_moderators_not_published_by_submitting(blog, writer, other_editor):
    from tests.factories import make_article

    plain = make_article(blog, title="監修者のいない記事", publish=False)
    submit_for_review(plain, writer)

    assert not ArticlePage.objects.get(pk=plain.pk).live
    task = plain.current_workflow_task
    assert task.get_actions(plain, writer) == []
    act_on_review(plain, other_editor, "approve")  # a moderator, as in Wagtail's default workflow
    assert ArticlePage.objects.get(pk=plain.pk).live and not ReviewApproval.objects.exists()


def test_a_reviewer_who_names_someone_else_in_their_edit_credits_nobody(client, article, writer, doctor_user, doctor):
    from tests.factories import AuthorFactory

    submit_for_review(article, writer)
    edit = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    edit.reviewer = AuthorFactory(name="別の医師", slug="other-doctor")
    edit.save_revision(user=doctor_user)  # the reviewer's own edit, during the review

    act_on_review(article, doctor_user, "approve")

    approval = ReviewApproval.objects.get()
    assert approval.reviewer == doctor  # in the name of the reviewer the task was for
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and live.review_credit is None
    assert "別の医師" not in reader_html(client.get(live.url))


def test_the_task_type_is_offered_in_japanese_in_the_admin(admin_client):
    choose = reader_html(admin_client.get(reverse("wagtailadmin_workflows:select_task_type")))
    assert "監修" in choose and "記事の監修者本人" in choose

    form = reader_html(admin_client.get(reverse("wagtailadmin_workflows:add_task", args=["review", "reviewtask"])))
    assert "監修者のいない記事を承認するグループ" in form
