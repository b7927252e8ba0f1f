"""With 「監修なしの公開を禁止」 on (院の設定), text the reviewer has not
approved does not go live: the admin says why and keeps the draft; a
schedule, a bulk publish or a publish from code is refused and recorded."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Site

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from review.gate import ReviewRequired
from tests.factories import approve_review, article_form_data, make_article, publish

pytestmark = pytest.mark.django_db

REFUSED = "監修者の承認を受けていない本文のため、公開できません。"


@pytest.fixture
def strict(blog):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.require_review = True
    clinic.save()
    return clinic


@pytest.fixture
def approved(article, writer, doctor_user):
    return approve_review(article, doctor_user, writer)


def edit_url(article):
    return reverse("wagtailadmin_pages:edit", args=[article.pk])


def form(article, **fields):
    """The article's edit form with `fields` changed (lead included)."""
    lead = fields.pop("lead", None)
    data = article_form_data(article, **fields)
    if lead is not None:
        data["lead"] = lead
    return publish(data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_setting_is_in_the_clinics_settings(admin_client, blog):
    site = Site.objects.get(is_default_site=True)
    html = admin_client.get(reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", site.pk])).content.decode()
    assert "監修なしの公開を禁止" in html


def test_publishing_unapproved_text_in_the_admin_is_refused_and_the_draft_kept(client, approved, strict, owner, doctor):
    client.force_login(owner)
    data = form(approved, lead="手術しなくても必ず治ります。", reviewer=doctor.pk)

    response = client.post(edit_url(approved), data)

    assert response.status_code == 302 and response.url == edit_url(approved)
    assert any(REFUSED in message for message in messages_of(response))
    live = ArticlePage.objects.get(pk=approved.pk)
    assert live.lead != "手術しなくても必ず治ります。" and live.review_credit is not None
    assert live.get_latest_revision_as_object().lead == "手術しなくても必ず治ります。"  # the draft is kept
    assert live.has_unpublished_changes


def test_publishing_the_approved_text_again_is_allowed(approved, strict):
    again = ArticlePage.objects.get(pk=approved.pk)
    again.save_revision().publish()  # a new revision of the same text

    assert ArticlePage.objects.get(pk=approved.pk).review_credit is not None


def test_an_article_without_a_reviewer_publishes_as_before(admin_client, blog, strict):
    plain = make_article(blog)

    response = admin_client.post(edit_url(plain), form(plain, lead="新しいリード文です。"))

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=plain.pk).lead == "新しいリード文です。"


def test_scheduling_unapproved_text_in_the_admin_is_refused(client, approved, strict, owner, doctor):
    client.force_login(owner)
    tomorrow = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = form(approved, lead="必ず治ります。", reviewer=doctor.pk, go_live_at=tomorrow)

    response = client.post(edit_url(approved), data)

    assert any(REFUSED in message for message in messages_of(response))
    assert not approved.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_schedule_set_from_code_is_taken_off_and_recorded(approved, strict):
    edited = ArticlePage.objects.get(pk=approved.pk)
    edited.lead = "必ず治ります。"
    edited.go_live_at = timezone.now() + timedelta(hours=1)
    edited.save_revision().publish()

    assert not approved.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert PageLogEntry.objects.filter(page=approved, action="review.publish_refused").exists()
    assert ArticlePage.objects.get(pk=approved.pk).review_credit is not None


def test_turning_the_setting_on_takes_unapproved_schedules_off(approved):
    edited = ArticlePage.objects.get(pk=approved.pk)
    edited.lead = "必ず治ります。"
    edited.go_live_at = timezone.now() + timedelta(hours=1)
    edited.save_revision().publish()
    assert approved.revisions.filter(approved_go_live_at__isnull=False).exists()  # allowed while the setting is off

    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    clinic.require_review = True
    clinic.save()

    assert not approved.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_publish_from_code_or_an_import_is_refused(approved, strict):
    edited = ArticlePage.objects.get(pk=approved.pk)
    edited.lead = "必ず治ります。"

    with pytest.raises(ReviewRequired, match=REFUSED):
        edited.save_revision().publish()

    assert ArticlePage.objects.get(pk=approved.pk).lead != "必ず治ります。"


def test_a_bulk_publish_is_refused_with_a_message(client, approved, strict, owner):
    draft = ArticlePage.objects.get(pk=approved.pk)
    draft.lead = "必ず治ります。"
    draft.save_revision()
    client.force_login(owner)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={approved.pk}&next=/admin/"

    response = client.post(url, {"include_descendants": ""})

    assert response.status_code == 302
    assert any(REFUSED in message for message in messages_of(response))
    assert ArticlePage.objects.get(pk=approved.pk).lead != "必ず治ります。"


def test_the_reviewers_approval_publishes_in_strict_mode(client, blog, article, strict, writer, doctor_user):
    approve_review(article, doctor_user, writer)

    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and live.review_credit is not None
