"""The 監修 credit belongs to the text the reviewer approved: readers see
「監修: 名前（肩書き）日付」 and JSON-LD reviewedBy/lastReviewed only while
the live text is that text, whichever way a different text went live."""

import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.models import ArticlePage
from review.models import ReviewApproval
from tests.factories import AuthorFactory, approve_review
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def credit_line(html):
    found = re.search(r'<p class="article__byline article__byline--reviewer">(.*?)</p>', html, re.S)
    return found.group(1).strip() if found else None


def web_page(html):
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return next(node for node in json.loads(script)["@graph"] if node["@type"] == "WebPage")


def today():
    day = timezone.localdate()
    return f'<time datetime="{day:%Y-%m-%d}">{day.year}年{day.month}月{day.day}日</time>'


def test_an_approved_article_shows_the_credit_with_the_approval_date(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)

    html = reader_html(client.get(article.url))

    assert credit_line(html) == f'監修: <a href="/blog/author/takahashi/">高橋 誠</a>（整形外科医）{today()}'
    assert "この記事の監修者" in html
    node = web_page(html)
    assert node["reviewedBy"]["@type"] == "Person" and node["reviewedBy"]["name"] == "高橋 誠"
    assert node["reviewedBy"]["jobTitle"] == "整形外科医"
    assert node["lastReviewed"] == f"{timezone.localdate():%Y-%m-%d}"


def test_an_article_naming_a_reviewer_who_never_approved_shows_no_credit(client, blog, article):
    live = article.save_revision().publish() or ArticlePage.objects.get(pk=article.pk)

    html = reader_html(client.get(live.url))

    assert credit_line(html) is None and "この記事の監修者" not in html
    assert "reviewedBy" not in web_page(html) and "lastReviewed" not in web_page(html)


def test_different_text_published_directly_withdraws_the_credit_even_from_the_page_cache(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)
    assert credit_line(reader_html(client.get(article.url)))  # now in the page cache
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    edited = ArticlePage.objects.get(pk=article.pk)
    edited.lead = "重度でなければ手術しなくても必ず治ります。"
    edited.save_revision().publish()

    html = reader_html(client.get(article.url))
    assert "必ず治ります" in html
    assert credit_line(html) is None and "この記事の監修者" not in html and "reviewedBy" not in web_page(html)


def test_publishing_the_approved_text_again_keeps_the_credit(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)

    again = ArticlePage.objects.get(pk=article.pk)
    again.save_revision().publish()  # a new revision, the same text

    assert credit_line(reader_html(client.get(article.url)))


def test_a_scheduled_publish_of_different_text_withdraws_the_credit(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)
    edited = ArticlePage.objects.get(pk=article.pk)
    edited.lead = "この体操で膝の痛みは必ず治ります。"
    edited.go_live_at = timezone.now() - timedelta(seconds=1)  # scheduled, and its time has come
    revision = edited.save_revision()
    revision.approved_go_live_at = edited.go_live_at
    revision.save()
    assert credit_line(reader_html(client.get(article.url)))  # the approved text until the scheduler runs

    call_command("publish_scheduled", verbosity=0)

    html = reader_html(client.get(article.url))
    assert "必ず治ります" in html and credit_line(html) is None and "reviewedBy" not in web_page(html)


def test_approving_again_restores_the_credit(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)
    edited = ArticlePage.objects.get(pk=article.pk)
    edited.lead = "新しいリード文です。"
    edited.save_revision().publish()
    assert credit_line(reader_html(client.get(article.url))) is None

    approve_review(ArticlePage.objects.get(pk=article.pk), doctor_user, writer)

    assert credit_line(reader_html(client.get(article.url)))
    assert ReviewApproval.objects.count() == 2


def test_an_approval_by_another_reviewer_does_not_credit_the_new_one(client, article, writer, doctor_user):
    approve_review(article, doctor_user, writer)
    changed = ArticlePage.objects.get(pk=article.pk)
    changed.reviewer = AuthorFactory(name="別の医師", slug="other-doctor")
    changed.save_revision().publish()  # the same text, a reviewer who never read it

    html = reader_html(client.get(article.url))
    assert credit_line(html) is None and "別の医師" not in html and "高橋 誠" not in html
