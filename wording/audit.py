"""The site audit: every live page's findings, for `check_wording --site`
and the admin's report. Pages are read in batches, each with its specific
fields, so memory stays flat on a 10,000-article site; each page's findings
are kept in the cache under its live revision and the rules, so the report
opened twice checks nothing twice."""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Page

from .models import Dismissal
from .pages import check_page

BATCH = 200
CACHE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class PageAudit:
    page: object
    findings: list  # [PageFinding]


def rules_fingerprint(rules):
    text = "\n".join(f"{rule.id}\t{rule.pattern.pattern}\t{','.join(rule.professions)}" for rule in rules)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def live_pages():
    """Every live page but the tree's root, in tree order, specific, batched."""
    ids = list(Page.objects.live().filter(depth__gt=1).order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        yield from Page.objects.filter(pk__in=batch).order_by("path").specific()


def audit(checks, pages=None, use_cache=True):
    """[PageAudit] for every live page with a finding, dismissed ones left out."""
    dismissed = set(Dismissal.objects.values_list("page_id", "rule_id", "match"))
    fingerprint = rules_fingerprint(checks.rules)
    results = []
    for page in live_pages() if pages is None else pages:
        key = f"wording:{page.pk}:{page.live_revision_id}:{fingerprint}"
        findings = cache.get(key) if use_cache else None
        if findings is None:
            findings = check_page(page, checks.rules)
            if use_cache:
                cache.set(key, findings, CACHE_SECONDS)
        findings = [item for item in findings if (page.pk, *item.key) not in dismissed]
        if findings:
            results.append(PageAudit(page, findings))
    return results
