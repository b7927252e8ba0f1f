"""「監修なしの公開を禁止」 (院の設定): with it on, an article that names a
reviewer goes live only with text its reviewer approved. Without it, such a
publish goes ahead and the article simply shows no credit (blog/credit.py).

The admin's publish and bulk publish are refused before anything happens,
with a message, the draft kept (wagtail_hooks.py). Every other way a page
goes live (a scheduled publish, an import, code) passes through the page's
save, where the refusal is raised as Wagtail's own PublishPermissionError
and written to the page's history."""

import logging

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.log_actions import log
from wagtail.models import Site

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
        log(instance=instance, action="review.publish_refused", revision=instance.live_revision, data={"message": message})
        logger.warning("Publish refused (監修なしの公開を禁止): page %s revision %s", instance.pk, instance.live_revision_id)
        raise ReviewRequired(message)
