"""The 監修 credit readers see. The reviewer approves a text (review/ runs the
step and records each approval as a ReviewApproval, reached here through
`article.review_approvals`); the credit holds only while the live text is that
text: the same digest of what the reviewer reads, by the article's reviewer.
A text published without their approval (directly, scheduled, in bulk, by an
import) shows no credit, and a re-publish of the approved text keeps it."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .snippets import Author

# What the reviewer approves: everything readers are told, in the article and
# in search results. Dates, tags, pictures and bylines are not their claim.
REVIEWED_FIELDS = ("title", "lead", "seo_title", "search_description")
# What a row's credit depends on: the reviewed text and who is named.
CREDIT_INPUTS = frozenset((*REVIEWED_FIELDS, "body", "reviewer", "reviewer_id"))


@dataclass(frozen=True)
class ReviewCredit:
    reviewer: object  # the Author credited
    reviewed_on: date  # the day they approved this text


def review_digest(article):
    """A fingerprint of the reviewed text: equal for equal text, whichever
    revision or publish path brought it (block ids are left out)."""
    values = {name: getattr(article, name) or "" for name in REVIEWED_FIELDS}
    values["body"] = without_block_ids(article.body.get_prep_value())
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def without_block_ids(value):
    if isinstance(value, list):
        return [without_block_ids(item) for item in value]
    if isinstance(value, dict):
        is_block = "type" in value and "value" in value
        return {key: without_block_ids(item) for key, item in value.items() if not (is_block and key == "id")}
    return value


def named_reviewer(article):
    """The reviewer the editor chose, with their photo (joined by
    BlogIndexPage.route, else read in one query)."""
    if article.reviewer_id is None:
        return None
    if type(article).reviewer.is_cached(article):
        return article.reviewer
    return Author.objects.select_related("photo").filter(pk=article.reviewer_id).first()


def approvals_of_live_text(article, approvals=None):
    """The approvals that make a credit: of `article`'s text as it stands, by
    the reviewer it names. `approvals` is ReviewApproval's manager where the
    article's own reverse relation is not at hand (a migration)."""
    approvals = article.review_approvals.all() if approvals is None else approvals.filter(article_id=article.pk)
    return approvals.filter(reviewer_id=article.reviewer_id, content_digest=review_digest(article))


def credited_reviewer_id(article, approvals=None):
    """The pk of the reviewer `article` credits, or None: what listings read
    (ArticlePage.credited_reviewer, set whenever the row's text or its
    approvals change), in one query."""
    if article.reviewer_id is None or article.pk is None:
        return None
    return article.reviewer_id if approvals_of_live_text(article, approvals).exists() else None


def stamp(article, update_fields):
    """Before an article's row is saved: a publish, whichever path, writes
    the whole row, so its credit is the one of the text written, never the
    one a revision carried along. Returns the update_fields to save."""
    if update_fields is None or CREDIT_INPUTS.intersection(update_fields):
        article.credited_reviewer_id = credited_reviewer_id(article)
        if update_fields is not None:
            return {*update_fields, "credited_reviewer"}
    return update_fields


def refresh_stored(article):
    """After an article's approvals changed: the credit of its row as stored."""
    model = type(article)
    stored = model.objects.get(pk=article.pk)
    model.objects.filter(pk=article.pk).update(credited_reviewer_id=credited_reviewer_id(stored))


def review_credit(article):
    """The credit for `article` as it stands, or None: one query (two if its
    reviewer was not joined)."""
    reviewer = named_reviewer(article)
    if reviewer is None or article.pk is None:
        return None
    approved_at = (
        approvals_of_live_text(article).order_by("-approved_at").values_list("approved_at", flat=True).first()
    )
    if approved_at is None:
        return None
    return ReviewCredit(reviewer=reviewer, reviewed_on=timezone.localdate(approved_at))
