"""`make demo`'s content: a whole clinic blog, loaded as often as you like."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from blog.blocks import ArticleBodyBlock
from demo import content
from demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, load
from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage, BlogIndexPage
from blog.snippets import Author, Category
from clinic.models import ClinicSettings
from home.models import HomePage
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def demo_counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            Page,
            HomePage,
            BlogIndexPage,
            ArticlePage,
            ArticleAuthor,
            ArticleCategory,
            Author,
            Category,
            Tag,
            ClinicSettings,
            Site,
            get_image_model(),
            get_user_model(),
        ]
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module (loading takes seconds) and
    rolled back after it; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def test_demo_builds_home_blog_authors_and_categories(demo):
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home
    assert BlogIndexPage.objects.child_of(home).live().count() == 1
    assert set(Category.objects.values_list("name", flat=True)) >= {"膝の痛み", "腰痛", "肩こり"}
    assert Author.objects.filter(slug="yamada-haruka", job_title__contains="理学療法士").exists()
    assert Author.objects.filter(slug="sato-kenta", job_title__contains="柔道整復師").exists()


def test_demo_articles_are_live_and_spread_over_every_category(demo):
    articles = ArticlePage.objects.readable()
    assert articles.count() >= 9
    assert articles.count() == len(content.ARTICLES)
    for category in Category.objects.all():
        assert articles.filter(article_categories__category=category).count() >= 3, category.name
    assert articles.filter(article_authors__author__slug="sato-kenta").exists()
    assert any(len(article.categories) > 1 for article in articles)
    assert any(len(article.authors) > 1 for article in articles)
    assert articles.filter(reviewer__job_title__contains="医師").count() >= 1  # 監修 by a doctor


def test_demo_articles_use_every_body_block_and_pass_editor_validation(demo):
    used = set()
    stream_block = ArticleBodyBlock()
    for article in ArticlePage.objects.all():
        used |= {child.block_type for child in article.body}
        stream_block.clean(article.body)  # what the admin runs before saving
    assert used == set(stream_block.child_blocks)


def test_demo_has_at_least_three_articles_with_youtube_videos_stored_canonically(demo):
    with_video = [
        article for article in ArticlePage.objects.all() if any(c.block_type == "video" for c in article.body)
    ]
    assert len(with_video) >= 3
    for article in with_video:
        for raw in article.body.raw_data:
            if raw["type"] == "video":
                assert set(raw["value"]["video"]) == {"video_id", "start"}


def test_demo_article_dates_vary_and_some_were_updated_later(demo):
    articles = list(ArticlePage.objects.all())
    assert len({article.published_date.date() for article in articles}) == len(articles)
    assert sum(1 for article in articles if article.updated_date) >= 2


def test_demo_tags_are_shared_between_articles(demo):
    for name in ["ストレッチ", "セルフケア", "姿勢", "歩き方", "筋膜リリース", "デスクワーク"]:
        assert ArticlePage.objects.filter(tags__name=name).count() >= 2, name


def test_demo_images_exist_on_disk_with_alt_text(demo):
    images = get_image_model().objects.all()
    assert images.exists()
    for image in images:
        assert image.description
        assert image.file.storage.exists(image.file.name), image.file.name
    for article in ArticlePage.objects.all():
        assert article.hero_image is not None, article.slug
        figures = [child.value for child in article.body if child.block_type == "figure"]
        assert figures, article.slug
        assert all(figure["image"].contextual_alt_text for figure in figures)


def test_demo_sets_the_clinic_settings(demo):
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    assert clinic.clinic_name == "てあて整体院"
    assert "藤沢市" in clinic.address
    assert clinic.phone and clinic.opening_hours_lines
    # No outside booking service: WEB予約 opens the demo's contact form.
    assert (clinic.booking_url, clinic.contact_url) == ("", "/contact/")


def test_demo_text_uses_the_words_readers_search_for(demo):
    text = " ".join(
        f"{article.title} {article.lead} {article.body.render_as_block()}" for article in ArticlePage.objects.all()
    )
    for word in ["膝", "ひざ", "ヒザ", "膝の痛み", "筋膜リリース", "ストレッチ", "変形性膝関節症", "肩こり", "肩凝り", "腰痛"]:
        assert word in text, word


def test_loading_the_demo_twice_changes_nothing(demo):
    before = demo_counts()

    second = load()

    assert second["created"] == 0
    assert demo_counts() == before


def test_demo_home_page_lists_the_newest_articles(client, demo, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    client.get("/")  # the first visit draws the card thumbnails; readers after it get them ready-made
    with django_assert_max_num_queries(MAX_QUERIES["home"]):
        response = client.get("/")

    html = reader_html(response)
    assert response.status_code == 200
    newest = ArticlePage.objects.readable().order_by("-first_published_at").first()
    assert newest.title in html
    assert html.count('class="card"') >= 6
    assert "てあて整体院" in html


def test_demo_pages_render_for_a_reader(client, demo):
    urls = ["/blog/", "/blog/category/knee/", "/blog/tag/ストレッチ/", "/blog/author/sato-kenta/"]
    urls += [article.url for article in ArticlePage.objects.all()]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_load_demo_again_never_prints_or_resets_the_admin_login(demo):
    admin = get_user_model().objects.get(username=ADMIN_USERNAME)
    admin.set_password("the-owners-own-password")
    admin.save()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert ADMIN_PASSWORD not in out.getvalue()
    admin.refresh_from_db()
    assert admin.check_password("the-owners-own-password")


def test_load_demo_again_keeps_the_owners_site_settings_and_content(demo):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "blog.example.jp", 443
    site.save()
    clinic = ClinicSettings.for_site(site)
    clinic.clinic_name, clinic.booking_url = "みどり整骨院", "https://example.jp/yoyaku"
    clinic.save()
    Author.objects.filter(slug="yamada-haruka").update(bio="院長の自己紹介を書き直しました。")
    Category.objects.filter(slug="knee").update(description="膝について、院の言葉で。")
    article = ArticlePage.objects.get(slug=content.ARTICLES[0]["slug"])
    article.title, article.slug = "院長が書き直した題名", "renamed-by-owner"
    article.save_revision().publish()
    before = demo_counts()

    result = load()

    assert result["created"] == 0 and demo_counts() == before
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("blog.example.jp", 443)
    clinic.refresh_from_db()
    assert (clinic.clinic_name, clinic.booking_url) == ("みどり整骨院", "https://example.jp/yoyaku")
    assert Author.objects.get(slug="yamada-haruka").bio == "院長の自己紹介を書き直しました。"
    assert Category.objects.get(slug="knee").description == "膝について、院の言葉で。"
    assert not ArticlePage.objects.filter(slug=content.ARTICLES[0]["slug"]).exists()


# 監修: the doctor's login and the approvals go through the real workflow


def test_the_demo_doctor_has_a_login_and_approved_the_reviewed_articles_through_the_workflow(client, demo):
    from review.models import ReviewApproval, ReviewTask  # noqa: only these tests read the review app
    from wagtail.models import TaskState

    doctor = Author.objects.get(slug=content.REVIEWER_SLUG)
    assert doctor.user is not None and doctor.user.username == "takahashi" and not doctor.user.is_superuser
    assert demo["reviewer_created"] and demo["approved"] == 2
    reviewed = ArticlePage.objects.filter(reviewer=doctor)
    assert reviewed.count() == 2
    for article in reviewed:
        approval = ReviewApproval.objects.get(article=article)
        assert approval.approved_by == doctor.user and approval.revision_id == article.live_revision_id
        state = TaskState.objects.get(revision__object_id=str(article.pk), status=TaskState.STATUS_APPROVED)
        assert isinstance(state.task.specific, ReviewTask) and state.finished_by == doctor.user
        html = reader_html(client.get(article.url))
        assert "監修: " in html and "高橋 誠" in html and '"reviewedBy"' in html and '"lastReviewed"' in html


def test_loading_again_approves_nothing_more_and_prints_no_doctor_password(demo):
    from review.models import ReviewApproval  # noqa: only these tests read the review app

    before = ReviewApproval.objects.count()
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert ReviewApproval.objects.count() == before
    assert "teate-kanshu-2026" not in out.getvalue()


def test_an_owners_draft_of_a_reviewed_article_is_never_published_by_the_demo(demo):
    from review.models import ReviewApproval  # noqa: only these tests read the review app

    article = ArticlePage.objects.filter(reviewer__slug=content.REVIEWER_SLUG).first()
    draft = article.get_latest_revision_as_object()
    draft.lead = "院長が書きかけのリード文"
    draft.save_revision()
    ReviewApproval.objects.filter(article=article).delete()  # as if the text had never been approved

    load()

    article.refresh_from_db()
    assert article.lead != "院長が書きかけのリード文" and article.has_unpublished_changes
    assert not ReviewApproval.objects.filter(article=article).exists()
