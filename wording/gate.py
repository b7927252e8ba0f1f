"""「注意表現が残る記事の公開を止める」 (院の設定, ClinicSettings.wording_strict):
with it on, a checked page (site.CHECKED_PAGE_TYPES) with a finding no editor
set aside with a reason does not go live. Without it, findings only warn.

This is one of the publish gates (blog/publish_gates.py), which hold at every
way a page goes live: the editor's publish and bulk publish are refused with
this message, the draft kept; a schedule is taken off when it is set (and when
the clinic turns the setting on); a workflow's approval leaves the text a
draft; a publish from code raises WordingFindingsRemain."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.models import Site

from blog import publish_gates
from clinic.models import ClinicSettings

from .site import CHECKED_PAGE_TYPES, clinic_checks, page_findings


class WordingFindingsRemain(publish_gates.PublishRefused):
    """A publish of text with findings not set aside, refused in strict mode."""


def site_of(page):
    site = page.get_site() if page.pk else None
    return site or Site.objects.filter(is_default_site=True).first()


def refusal(page):
    """The Japanese reason this text may not go live, or None."""
    if page._meta.label not in CHECKED_PAGE_TYPES:
        return None
    site = site_of(page)
    if site is None or not ClinicSettings.for_site(site).wording_strict:
        return None
    open_findings, _dismissed = page_findings(page, clinic_checks(site))
    if not open_findings:
        return None
    return _(
        "「%(title)s」に注意が必要な表現の可能性が%(count)d件あるため、公開しませんでした（下書きは保存しました）。"
        "表現を見直すか、理由を書いて見送りにしてから公開してください"
        "（院の設定「注意表現が残る記事の公開を止める」がオンです）。"
    ) % {"title": page.title, "count": len(open_findings)}


publish_gates.register(
    "注意表現が残る記事の公開を止める", refusal, error=WordingFindingsRemain, log_action="wording.publish_refused"
)


@receiver(post_save, sender=ClinicSettings)
def refuse_schedules_made_before_the_setting(sender, instance, **kwargs):
    if instance.wording_strict:
        publish_gates.take_off_refused_schedules()
