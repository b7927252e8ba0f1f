"""Publish gates: a clinic's settings may hold back a page from going live
(「監修なしの公開を禁止」 in review/, 「注意表現が残る記事の公開を止める」 in
wording/). Each app registers one gate, a function page → the Japanese reason
it may not go live or None, and every way a page goes live consults them all:

- the editor's publish and bulk publish are refused before anything happens,
  with the reason as a message, the draft kept (wagtail_hooks.py);
- a schedule is checked when it is set, and again when a clinic turns its
  setting on (take_off_refused_schedules): a refused one is taken off and
  logged, so the scheduler meets no refusal later;
- any other publish (code, an import) passes through the page's save, where
  the refusal is raised as the gate's PublishPermissionError and logged;
- a workflow whose approval would publish refused text leaves it a draft and
  logs why (review/finish.py).

The gates live here, below review/ and wording/, so neither imports the other."""

import logging
from dataclasses import dataclass

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.log_actions import log
from wagtail.models import Page, Revision

logger = logging.getLogger(__name__)


class PublishRefused(PublishPermissionError):
    """A publish a clinic's setting holds back, refused."""


@dataclass(frozen=True)
class Gate:
    setting: str  # the setting as editors know it, for the log line
    refusal: object  # page → the Japanese reason, or None
    error: type  # raised when a publish from code is refused
    log_action: str  # the page history's entry when a schedule or an approval is refused


GATES = []


def register(setting, refusal, *, error=PublishRefused, log_action):
    GATES.append(Gate(setting, refusal, error, log_action))


def refusals(page):
    """[(gate, message)] for every gate that holds `page` (a specific page, any revision) back."""
    return [(gate, message) for gate in GATES if (message := gate.refusal(page))]


def log_refusal(page, revision, gate, message, what):
    log(instance=page, action=gate.log_action, revision=revision, data={"message": message})
    logger.warning("%s refused (%s): page %s revision %s", what, gate.setting, page.pk, revision.pk)


def is_publish(page):
    """Whether this save makes a revision live (Wagtail's publish sets the
    live revision and the time), rather than saving a draft or a move."""
    if page.pk is None or not page.live:
        return False
    stored = Page.objects.filter(pk=page.pk).values("live_revision_id", "last_published_at").first()
    return stored != {"live_revision_id": page.live_revision_id, "last_published_at": page.last_published_at}


@receiver(pre_save)
def refuse_publish(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or update_fields is not None or not GATES or not isinstance(instance, Page):
        return
    if not is_publish(instance):
        return
    refused = refusals(instance)
    if refused:
        gate, message = refused[0]
        # Raised inside Page.save's transaction: the refusal is the exception
        # and the log line (a history entry would be rolled back with the save).
        logger.warning("Publish refused (%s): page %s revision %s", gate.setting, instance.pk, instance.live_revision_id)
        raise gate.error(message)


def is_page_revision(revision):
    model = revision.content_type.model_class()
    return model is not None and issubclass(model, Page)


def take_off_refused_schedule(revision):
    """Take a scheduled revision off the schedule if it could not go live."""
    page = revision.as_object()
    refused = refusals(page)
    if refused:
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        for gate, message in refused:
            log_refusal(page, revision, gate, message, "Scheduled publish")
    return refused


def take_off_refused_schedules():
    """When a clinic turns a gate's setting on: schedules made before it."""
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False).select_related("content_type"):
        if is_page_revision(revision):
            take_off_refused_schedule(revision)


@receiver(post_save, sender=Revision)
def refuse_schedule(sender, instance, update_fields=None, **kwargs):
    """Wagtail's publish with a future go-live date sets approved_go_live_at alone."""
    if instance.approved_go_live_at and update_fields and "approved_go_live_at" in update_fields:
        if GATES and is_page_revision(instance):
            take_off_refused_schedule(instance)


def publish_unless_refused(revision, **publish_kwargs):
    """Publish `revision`, or leave it a draft and log why (a workflow's end,
    where no editor waits for a message): True when it went live."""
    page = revision.as_object()
    refused = refusals(page)
    for gate, message in refused:
        log_refusal(page, revision, gate, message, "Publish on approval")
    if refused:
        return False
    revision.publish(**publish_kwargs)
    return True
