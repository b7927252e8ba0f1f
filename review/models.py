"""監修 as a step of Wagtail's own workflows: a task only the article's
reviewer, in person, can approve or reject (Wagtail's docs: "a task which can
be approved by only one specific user"), and the record of each approval,
from which the article's credit is worked out (blog/credit.py)."""

from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from blog.credit import refresh_stored, review_digest
from blog.models import ArticlePage
from blog.snippets import Author

from .forms import ReviewActionForm, ReviewRejectionForm
from .purge import purge_article


def reviewer_and_authors(task_state):
    """(reviewer Author pk, writer Author pks) of the revision under review:
    the text the reviewer reads, whatever the live page says."""
    content = task_state.revision.content
    writers = [link.get("author") for link in content.get("article_authors", [])]
    return content.get("reviewer"), writers


class ReviewTask(Task):
    """Only the article's 監修 reviewer, through their own login
    (Author.user), approves or rejects. Not the writer who submitted it, not
    an author of the article, not a superuser: a credit given in a doctor's
    name by someone else is what this step exists to prevent. An article
    naming no reviewer is approved by the chosen groups instead, as Wagtail's
    group approval would (so submitting never publishes by itself)."""

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("監修者のいない記事を承認するグループ"),
        blank=True,
        help_text=_("監修者が設定されていない記事は、これらのグループのメンバーが承認します。"),
    )

    admin_form_fields = Task.admin_form_fields + ["groups"]
    admin_form_widgets = {"groups": forms.CheckboxSelectMultiple}

    def may_review(self, obj, user):
        task_state = getattr(obj, "current_workflow_task_state", None)
        if not (user and user.is_authenticated and task_state and task_state.task_id == self.pk):
            return False
        cache = user.__dict__.setdefault("_review_task_checks", {})
        if task_state.pk not in cache:
            cache[task_state.pk] = self.may_act_on(task_state, user)
        return cache[task_state.pk]

    def may_act_on(self, task_state, user):
        reviewer_id, writer_ids = reviewer_and_authors(task_state)
        if not reviewer_id:
            return user.is_superuser or self.groups.filter(pk__in=user.groups.all()).exists()
        return bool(
            reviewer_id not in writer_ids
            and task_state.workflow_state.requested_by_id != user.pk
            and Author.objects.filter(pk=reviewer_id, user_id=user.pk).exists()
        )

    def user_can_access_editor(self, obj, user):
        return self.may_review(obj, user)

    def locked_for_user(self, obj, user):
        # The text under review stays the text the reviewer approves.
        return not self.may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.may_review(obj, user)

    def get_actions(self, obj, user):
        if not self.may_review(obj, user):
            return []
        return [
            ("reject", _("差し戻す（コメント必須）"), True),
            ("approve", _("監修を承認する"), False),
            ("approve", _("コメントを付けて承認する"), True),
        ]

    def get_form_for_action(self, action):
        return ReviewRejectionForm if action == "reject" else ReviewActionForm

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """What waits for this user (the dashboard's 「承認待ち」): the articles
        naming them as reviewer, or, for a group member, those naming none."""
        if not user.is_authenticated:
            return TaskState.objects.none()
        waiting = Q(pk__in=[])
        author = Author.objects.filter(user_id=user.pk).first()
        if author is not None:
            waiting |= Q(revision__content__reviewer=author.pk) & ~Q(workflow_state__requested_by=user)
        if user.is_superuser or self.groups.filter(pk__in=user.groups.all()).exists():
            waiting |= Q(revision__content__reviewer=None)
        return self.task_states.filter(waiting, status=TaskState.STATUS_IN_PROGRESS)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object
        if not self.may_review(page, user):
            raise PermissionDenied(_("監修者本人だけが承認・差し戻しできます。"))
        reviewer_id = reviewer_and_authors(task_state)[0]
        if action_name == "approve" and reviewer_id:
            # Recorded before Wagtail publishes (at the end of the workflow),
            # so the strict mode's gate finds the approval of this text.
            ReviewApproval.record(page, reviewer_id, user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("記事の監修者本人（著者の「ログインユーザー」）だけが承認・差し戻しできます")

    class Meta:
        verbose_name = _("監修")
        verbose_name_plural = _("監修")


class ReviewApproval(models.Model):
    """One approval by a reviewer: who approved which revision, when, and the
    digest of its text. Kept when later text replaces it, as the record."""

    article = models.ForeignKey(
        ArticlePage, verbose_name=_("記事"), on_delete=models.CASCADE, related_name="review_approvals"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("承認した版"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer = models.ForeignKey(Author, verbose_name=_("監修者"), on_delete=models.CASCADE, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("承認したユーザー"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("承認日時"), auto_now_add=True)
    content_digest = models.CharField(_("本文のハッシュ"), max_length=64)

    class Meta:
        verbose_name = _("監修の承認")
        verbose_name_plural = _("監修の承認")
        indexes = [models.Index(fields=["article", "reviewer", "content_digest"])]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_stored(self.article)  # listings read it

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        refresh_stored(self.article)
        return result

    def __str__(self):
        return f"{self.reviewer} → {self.article_id} ({self.approved_at:%Y-%m-%d})"

    @classmethod
    def record(cls, page, reviewer_id, user):
        """The reviewer approves the page's latest revision: what Wagtail
        publishes when the workflow ends (the page is locked to everyone
        else meanwhile, so it is the text submitted or the reviewer's own
        edit). The approval is in the name of the reviewer the task was for:
        one who names someone else in their edit credits nobody. Purges the
        article, whose credit may change now."""
        revision = page.get_latest_revision()
        article = revision.as_object()
        approval = cls.objects.create(
            article_id=page.pk,
            revision=revision,
            reviewer_id=reviewer_id,
            approved_by=user,
            content_digest=review_digest(article),
        )
        purge_article(page.pk)
        return approval
