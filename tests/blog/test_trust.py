"""What makes a health article trustworthy on the page: 最終更新日 only for a
real revision, the 監修 (medical reviewer), and the clinic's disclaimer."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, approve_review, article_form_data, make_article, publish
from tests.html import reader_html

pytestmark = pytest.mark.django_db

DEFAULT_DISCLAIMER = (
    "この記事は一般的な情報であり、診断や治療に代わるものではありません。"
    "症状が続く場合や強い痛みがある場合は、医療機関を受診してください。"
)


def published_days_ago(n):
    return timezone.now() - timedelta(days=n)


def dates_line(html):
    return html.split('<p class="article__dates">', 1)[1].split("</p>", 1)[0]


# 最終更新日


def test_editors_update_date_is_shown_as_last_updated(client, blog):
    updated = timezone.localdate() - timedelta(days=3)
    article = make_article(blog, published_at=published_days_ago(30), content_updated_on=updated)

    dates = dates_line(reader_html(client.get(article.url)))

    assert article.updated_date == updated
    expected = f'最終更新日: <time datetime="{updated:%Y-%m-%d}">{updated.year}年{updated.month}月{updated.day}日</time>'
    assert expected in dates


def test_republishing_without_an_update_date_shows_no_last_updated(client, blog):
    article = make_article(blog, published_at=published_days_ago(30))
    article.lead = "誤字を直しました。"
    article.save_revision().publish()  # last_published_at is now today

    article.refresh_from_db()
    assert article.updated_date is None
    assert "最終更新日" not in reader_html(client.get(article.url))


def test_update_date_on_the_publication_day_is_not_shown(blog):
    published = published_days_ago(10)
    article = make_article(blog, published_at=published, content_updated_on=timezone.localdate(published))

    assert article.updated_date is None


def test_update_date_before_publication_is_a_japanese_form_error(admin_client, blog):
    article = make_article(blog, published_at=timezone.make_aware(timezone.datetime(2026, 4, 10, 12)))
    data = article_form_data(article, content_updated_on="2026-04-01")

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)

    assert response.status_code == 200  # the form again, not a 500
    assert "内容を更新した日は、公開日（2026年4月10日）より後の日付にしてください。" in reader_html(response)
    assert ArticlePage.objects.get(pk=article.pk).content_updated_on is None


# 監修


def test_reviewer_is_shown_in_the_header_and_in_its_own_box_once_they_approved(client, blog):
    reviewer = AuthorFactory(name="佐藤 誠", slug="sato", job_title="整形外科専門医", bio="膝関節の専門医です。")
    article = make_article(blog, reviewer=reviewer)
    assert "佐藤 誠" not in reader_html(client.get(article.url))  # named, not yet approved: no credit (tests/review/)
    article = approve_review(article)

    html = reader_html(client.get(article.url))

    assert '監修: <a href="/blog/author/sato/">佐藤 誠</a>（整形外科専門医）<time' in html
    box = html.split('id="reviewer-box-', 1)[1].split("</section>", 1)[0]
    assert ">この記事の監修者</h2>" in box and "膝関節の専門医です。" in box
    assert html.index("この記事を書いた人") < html.index("この記事の監修者")
    assert article.reviewed_by == reviewer


def test_article_without_reviewer_shows_no_review_line_or_box(client, blog):
    html = reader_html(client.get(make_article(blog).url))

    assert "監修" not in html


def test_deleting_the_reviewer_keeps_the_article(client, blog):
    reviewer = AuthorFactory(name="佐藤 誠")
    article = make_article(blog, reviewer=reviewer)

    reviewer.delete()

    response = client.get(article.url)
    assert response.status_code == 200 and "佐藤 誠" not in reader_html(response)


# Disclaimer


def test_default_disclaimer_is_shown_on_every_article(client, blog):
    for article in [make_article(blog), make_article(blog)]:
        html = reader_html(client.get(article.url))
        assert DEFAULT_DISCLAIMER in html, article.title


def test_clinic_can_change_or_remove_the_disclaimer(client, blog):
    article = make_article(blog)
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    clinic.disclaimer = "当院の見解です。\n受診の目安にしてください。"
    clinic.save()
    assert "当院の見解です。<br>受診の目安にしてください。" in reader_html(client.get(article.url))

    clinic.disclaimer = ""
    clinic.save()
    html = reader_html(client.get(article.url))
    assert 'class="disclaimer"' not in html and DEFAULT_DISCLAIMER not in html


# The admin


def test_admin_saves_reviewer_and_update_date(admin_client, blog):
    article = make_article(blog, published_at=timezone.make_aware(timezone.datetime(2026, 4, 10, 12)))
    reviewer = AuthorFactory(name="佐藤 誠")

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        publish(article_form_data(article, reviewer=reviewer.pk, content_updated_on="2026-05-01")),
    )

    assert response.status_code == 302, reader_html(response)[:2000]
    saved = ArticlePage.objects.get(pk=article.pk)
    assert saved.reviewer == reviewer and saved.content_updated_on == date(2026, 5, 1)
    assert saved.live and saved.updated_date == date(2026, 5, 1)


def test_new_article_in_admin_can_have_reviewer_and_update_date(admin_client, blog):
    author, category, reviewer = AuthorFactory(), CategoryFactory(), AuthorFactory()
    data = publish(article_form_data(
        title="管理画面で書いた記事", slug="admin-article", authors=[author], categories=[category], reviewer=reviewer.pk
    ))

    response = admin_client.post(reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk]), data)

    assert response.status_code == 302, reader_html(response)[:2000]
    assert ArticlePage.objects.get(slug="admin-article").reviewer == reviewer


def test_admin_saves_the_disclaimer(admin_client, blog):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", site.pk])
    form = admin_client.get(url)
    assert form.status_code == 200 and "記事の注意書き" in reader_html(form)

    response = admin_client.post(url, {
        "disclaimer": "自己判断せず、受診してください。", "cta_heading": "", "cta_text": "", "wording_profession": "seitai",
        # the contact form's two required settings (docs/contact.md)
        "contact_purpose": "ご相談への回答のため", "contact_retention_days": 90,
    })

    assert response.status_code == 302
    assert ClinicSettings.for_site(site).disclaimer == "自己判断せず、受診してください。"


def test_preview_of_a_new_article_renders_everything_without_error(admin_client, blog):
    make_article(blog, title="公開済みの記事")
    author, category = AuthorFactory(), CategoryFactory()
    data = article_form_data(
        title="プレビュー中の記事", slug="preview-article", authors=[author], categories=[category],
        reviewer=AuthorFactory(name="佐藤 誠").pk,
    )
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", blog.pk])

    assert admin_client.post(url, data).json()["is_valid"] is True
    response = admin_client.get(url)

    html = reader_html(response)
    assert response.status_code == 200
    assert "プレビュー中の記事" in html and "この記事は約1分で読めます" in html
    assert "この記事の監修者" not in html  # what readers would see: not approved, no credit
    assert "公開済みの記事" in html  # related articles still work before the first save
