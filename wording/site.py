"""What one clinic checks against: its profession, its strictness, the
default rules it kept and its own, and what its editors set aside."""

from dataclasses import dataclass

from wagtail.models import Site

from clinic.models import ClinicSettings

from .models import DisabledRule, Dismissal, WordingRule
from .pages import check_page
from .rules import rules_for


# The page types checked (the editor's panel, strict mode): the ones readers read.
CHECKED_PAGE_TYPES = ("blog.ArticlePage", "pages.ContentPage")

# Without a clinic's settings (a fresh database, no site): see clinic.models.PROFESSIONS.
DEFAULT_PROFESSION = "seitai"


@dataclass(frozen=True)
class ClinicChecks:
    profession: str
    strict: bool
    rules: tuple


def clinic_checks(site=None, profession=None):
    """The checks for `site` (its 院の設定), or for the given profession."""
    settings = ClinicSettings.for_site(site) if site is not None else None
    chosen = profession or (settings.wording_profession if settings else DEFAULT_PROFESSION)
    disabled = DisabledRule.objects.values_list("rule_id", flat=True)
    custom = [rule.as_rule() for rule in WordingRule.objects.all()]
    return ClinicChecks(chosen, bool(settings and settings.wording_strict), rules_for(chosen, disabled, custom))


def checks_for_page(page, request=None):
    site = page.get_site() if page.pk else None
    if site is None and request is not None:  # a new page has no site yet: the request's
        site = Site.find_for_request(request)
    return clinic_checks(site)


def dismissed_keys(page):
    if not page.pk:
        return set()
    return set(Dismissal.objects.filter(page_id=page.pk).values_list("rule_id", "match"))


def page_findings(page, checks):
    """(open findings, dismissed findings) on `page`."""
    findings = check_page(page, checks.rules)
    dismissed = dismissed_keys(page)
    return [f for f in findings if f.key not in dismissed], [f for f in findings if f.key in dismissed]
