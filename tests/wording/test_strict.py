"""With 「注意表現が残る記事の公開を止める」 on (院の設定), text with a finding
no editor set aside does not go live however it is published: a bulk publish,
a schedule, a publish from code and a workflow's approval are refused, the
draft kept. With it off, each of them publishes."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Site

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, approve_review, make_article, paragraphs
from wording.gate import WordingFindingsRemain
from wording.models import Dismissal

pytestmark = pytest.mark.django_db

REFUSED = "注意が必要な表現の可能性が1件あるため、公開しませんでした"
CLAIM = "このストレッチで膝の痛みは必ず治る。"


def set_strict(on):
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.wording_strict = on
    settings.save()


@pytest.fixture
def strict(blog):
    set_strict(True)


@pytest.fixture
def claim(blog):
    """A published article whose latest draft says 必ず治る."""
    article = make_article(blog, body=paragraphs("無理なく続けましょう。"))
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.body = paragraphs(CLAIM)
    draft.save_revision()
    return article


def live_body(article):
    return str(ArticlePage.objects.get(pk=article.pk).body)


def bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}&next=/admin/"
    return client.post(url, {"include_descendants": ""})


def schedule(article):
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + timedelta(hours=1)
    draft.save_revision().publish()


def is_scheduled(article):
    return article.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_bulk_publish_is_refused_with_a_message(admin_client, claim, strict):
    response = bulk_publish(admin_client, claim)

    assert response.status_code == 302
    assert any(REFUSED in str(message) for message in get_messages(response.wsgi_request))
    assert CLAIM not in live_body(claim)


def test_a_schedule_is_taken_off_and_recorded(claim, strict):
    schedule(claim)

    assert not is_scheduled(claim)
    assert PageLogEntry.objects.filter(page=claim, action="wording.publish_refused").exists()
    assert CLAIM not in live_body(claim)


def test_turning_the_setting_on_takes_schedules_with_findings_off(claim):
    schedule(claim)
    assert is_scheduled(claim)  # allowed while the setting is off

    set_strict(True)

    assert not is_scheduled(claim)


def test_a_publish_from_code_raises(claim, strict):
    draft = ArticlePage.objects.get(pk=claim.pk).get_latest_revision()

    with pytest.raises(WordingFindingsRemain, match=REFUSED):
        draft.publish()

    assert CLAIM not in live_body(claim)


def test_a_workflow_approval_leaves_the_text_a_draft_and_says_why(blog, strict):
    doctor = AuthorFactory(name="高橋 誠", slug="takahashi")
    article = make_article(blog, body=paragraphs(CLAIM), reviewer=doctor, publish=False)

    approve_review(article)

    assert not ArticlePage.objects.get(pk=article.pk).live
    assert PageLogEntry.objects.filter(page=article, action="wording.publish_refused").exists()


def test_a_dismissed_finding_does_not_hold_the_publish_back(claim, strict):
    Dismissal.objects.create(page=claim, rule_id="guaranteed-cure", match="必ず治る", reason="引用のため")

    ArticlePage.objects.get(pk=claim.pk).get_latest_revision().publish()

    assert CLAIM in live_body(claim)


def test_with_the_setting_off_every_way_publishes(admin_client, blog):
    bulk = make_article(blog, body=paragraphs("無理なく。"), publish=False)
    draft = ArticlePage.objects.get(pk=bulk.pk)
    draft.body = paragraphs(CLAIM)
    draft.save_revision()
    bulk_publish(admin_client, bulk)
    assert CLAIM in live_body(bulk)

    scheduled = make_article(blog, body=paragraphs(CLAIM), publish=False)
    schedule(scheduled)
    assert is_scheduled(scheduled)

    coded = make_article(blog, body=paragraphs(CLAIM))
    assert CLAIM in live_body(coded)

    reviewed = make_article(blog, body=paragraphs(CLAIM), reviewer=AuthorFactory(slug="doctor"), publish=False)
    approve_review(reviewed)
    assert ArticlePage.objects.get(pk=reviewed.pk).live
