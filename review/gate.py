"""「監修なしの公開を禁止」 (院の設定): with it on, an article that names a
reviewer goes live only with text its reviewer approved. Without it, such a
publish goes ahead and the article simply shows no credit (blog/credit.py).

The admin's publish and bulk publish are refused before anything happens,
with a message, the draft kept (wagtail_hooks.py). Every other way a page
goes live (a scheduled publish, an import, code) passes through the page's
save, where the refusal is raised as Wagtail's own PublishPermissionError
and logged. A schedule is checked when it is set
(and again when the clinic turns the setting on): a refused one is taken
off, so the scheduler meets no refusal later."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.log_actions import log
from wagtail.models import Revision, Site

from blog.credit import review_digest
from blog.models import ArticlePage
from clinic.models import ClinicSettings

from .models import ReviewApproval

logger = logging.getLogger(__name__)


class ReviewRequired(PublishPermissionError):
    """A publish of text the article's reviewer has not approved, refused."""


def is_approved(article):
    """Whether the article's reviewer approved exactly this text."""
    return ReviewApproval.objects.filter(
        article_id=article.pk, reviewer_id=article.reviewer_id, content_digest=review_digest(article)
    ).exists()


def review_required(article):
    site = article.get_site() if article.pk else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site is not None and ClinicSettings.for_site(site).require_review


def refusal(article):
    """The Japanese reason this text may not go live, or None."""
    if article.reviewer_id is None or not review_required(article) or is_approved(article):
        return None
    return _(
        "「%(title)s」は監修者の承認を受けていない本文のため、公開できません。"
        "「監修に回す」で監修者に承認を依頼してください（院の設定「監修なしの公開を禁止」がオンです）。"
    ) % {"title": article.title}


def is_publish(article):
    """Whether this save makes a revision live (Wagtail's publish sets the
    live revision and the time), rather than saving a draft or a move."""
    if article.pk is None or not article.live:
        return False
    stored = ArticlePage.objects.filter(pk=article.pk).values("live_revision_id", "last_published_at").first()
    return stored != {"live_revision_id": article.live_revision_id, "last_published_at": article.last_published_at}


@receiver(pre_save, sender=ArticlePage)
def refuse_unreviewed_publish(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or update_fields is not None or instance.reviewer_id is None or not is_publish(instance):
        return
    message = refusal(instance)
    if message:
        # Raised inside Page.save's transaction: the refusal is the exception
        # and the log line (a history entry would be rolled back with the save).
        logger.warning("Publish refused (監修なしの公開を禁止): page %s revision %s", instance.pk, instance.live_revision_id)
        raise ReviewRequired(message)


def cancel_unreviewed_schedule(revision):
    """Take a scheduled revision off the schedule if it could not go live."""
    article = revision.as_object()
    message = refusal(article)
    if message:
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        log(instance=article, action="review.publish_refused", revision=revision, data={"message": message})
        logger.warning("Scheduled publish refused (監修なしの公開を禁止): page %s revision %s", article.pk, revision.pk)
    return message


def is_article_revision(revision):
    return revision.content_type_id == ContentType.objects.get_for_model(ArticlePage).pk


@receiver(post_save, sender=Revision)
def refuse_unreviewed_schedule(sender, instance, update_fields=None, **kwargs):
    """Wagtail's publish with a future go-live date sets approved_go_live_at alone."""
    if instance.approved_go_live_at and update_fields and "approved_go_live_at" in update_fields:
        if is_article_revision(instance):
            cancel_unreviewed_schedule(instance)


@receiver(post_save, sender=ClinicSettings)
def refuse_schedules_made_before_the_setting(sender, instance, **kwargs):
    if instance.require_review:
        article_type = ContentType.objects.get_for_model(ArticlePage)
        for revision in Revision.objects.filter(approved_go_live_at__isnull=False, content_type=article_type):
            cancel_unreviewed_schedule(revision)
