"""「監修なしの公開を禁止」 (院の設定): with it on, an article that names a
reviewer goes live only with text its reviewer approved. Without it, such a
publish goes ahead and the article simply shows no credit (blog/credit.py).

This is one of the publish gates (blog/publish_gates.py), which hold at every
way a page goes live: the admin's publish and bulk publish are refused with
this message, the draft kept; a schedule is taken off when it is set (and when
the clinic turns the setting on); a publish from code raises ReviewRequired,
Wagtail's own PublishPermissionError."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.models import Site

from blog import publish_gates
from blog.credit import review_digest
from blog.models import ArticlePage
from clinic.models import ClinicSettings

from .models import ReviewApproval


class ReviewRequired(publish_gates.PublishRefused):
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


def refusal(page):
    """The Japanese reason this text may not go live, or None."""
    if not isinstance(page, ArticlePage) or page.reviewer_id is None:
        return None
    if not review_required(page) or is_approved(page):
        return None
    return _(
        "「%(title)s」は監修者の承認を受けていない本文のため、公開できません。"
        "「監修に回す」で監修者に承認を依頼してください（院の設定「監修なしの公開を禁止」がオンです）。"
    ) % {"title": page.title}


publish_gates.register("監修なしの公開を禁止", refusal, error=ReviewRequired, log_action="review.publish_refused")


@receiver(post_save, sender=ClinicSettings)
def refuse_schedules_made_before_the_setting(sender, instance, **kwargs):
    if instance.require_review:
        publish_gates.take_off_refused_schedules()
