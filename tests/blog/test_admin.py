"""The practitioner's path through the real Wagtail admin: write, save a
draft, preview, publish — and the clear Japanese errors when something is
missing. Nothing is half-saved."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.models import ArticlePage
from blog.snippets import Author, Category
from tests.factories import AuthorFactory, CategoryFactory, article_form_data, make_article, publish
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return AuthorFactory(name="山田 遥", slug="yamada")


@pytest.fixture
def knee():
    return CategoryFactory(name="膝の痛み", slug="knee")


@pytest.fixture
def walking():
    return CategoryFactory(name="歩き方", slug="walking")


def heading(text, level="h2", anchor=""):
    return ("heading", {"level": level, "text": text, "anchor": anchor})


# A practitioner's article: one of each kind of text block.
FULL_BODY = [
    heading("膝の内側が痛む原因"),
    ("paragraph", rich_text("<p>鵞足の周りが硬くなると痛みます。</p>")),
    ("checklist", {"title": "こんな症状はありませんか？", "items": streamfield([("item", "押すと痛い")])}),
    heading("自分でできるケア", level="h3"),
    ("steps", {"title": "ストレッチ", "steps": streamfield([("item", {"title": "椅子に座る", "text": "背すじを"})])}),
    ("note", {"kind": "caution", "title": "注意", "text": rich_text("<p>腫れているときは受診を。</p>")}),
    ("quote", {"quote": "歩くのが楽になりました。", "source": "60代・女性"}),
]
TAGS = "膝, ストレッチ"


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk])


def test_admin_is_served_in_japanese(admin_client, blog):
    html = reader_html(admin_client.get(reverse("wagtailadmin_home")))

    assert '<html lang="ja"' in html
    assert "ダッシュボード" in html


def test_saving_a_new_article_keeps_it_a_draft_invisible_to_readers(admin_client, client, blog, author, knee, walking):
    response = admin_client.post(add_url(blog), article_form_data(body=FULL_BODY, tags=TAGS, authors=[author], categories=[knee, walking]))

    article = ArticlePage.objects.get(slug="knee-inside")
    assert response.status_code == 302
    assert not article.live and article.has_unpublished_changes
    assert [c.slug for c in article.categories] == ["knee", "walking"]
    assert sorted(t.name for t in article.tags.all()) == ["ストレッチ", "膝"]
    admin_client.logout()
    assert client.get("/blog/knee-inside/").status_code == 404
    for url in ["/", "/blog/", "/blog/category/knee/", "/blog/author/yamada/", "/blog/tag/膝/"]:
        assert "膝の内側が痛くて歩けない原因" not in reader_html(client.get(url)), url


def test_preview_of_a_new_article_renders_the_page(admin_client, blog, author, knee):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", blog.pk])

    posted = admin_client.post(url, article_form_data(body=FULL_BODY, tags=TAGS, authors=[author], categories=[knee]))
    preview = admin_client.get(url)

    assert posted.json() == {"is_valid": True, "is_available": True}
    html = reader_html(preview)
    assert preview.status_code == 200
    assert "膝の内側が痛くて歩けない原因</h1>" in html
    assert "鵞足の周りが硬くなると痛みます。" in html and "押すと痛い" in html
    assert "椅子に座る" in html and "腫れているときは受診を。" in html
    assert "この記事を書いた人" in html
    assert not ArticlePage.objects.exists()


def test_preview_of_a_draft_shows_the_unsaved_edits(admin_client, blog, author, knee):
    article = make_article(blog, publish=False, authors=[author], categories=[knee])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    admin_client.post(url, article_form_data(body=FULL_BODY, tags=TAGS, title="書きかけのタイトル", slug=article.slug, authors=[author], categories=[knee]))
    html = reader_html(admin_client.get(url))

    assert "書きかけのタイトル</h1>" in html


def test_publishing_puts_the_article_on_every_listing(admin_client, client, blog, author, knee, walking):
    admin_client.post(add_url(blog), article_form_data(body=FULL_BODY, tags=TAGS, authors=[author], categories=[knee, walking]))
    article = ArticlePage.objects.get(slug="knee-inside")

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        publish(article_form_data(article, body=FULL_BODY, tags=TAGS)),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    admin_client.logout()
    assert client.get("/blog/knee-inside/").status_code == 200
    for url in ["/", "/blog/", "/blog/category/knee/", "/blog/category/walking/", "/blog/author/yamada/",
                "/blog/tag/膝/", "/blog/tag/ストレッチ/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "膝の内側が痛くて歩けない原因" in reader_html(response), url


def shown(message, html):
    """The message is on the page, as text or inside the StreamField's JSON error data."""
    return message in html or json.dumps(message)[1:-1] in html


def assert_rejected(response, message):
    """The editor sees the form again with the Japanese message, and nothing was saved."""
    assert response.status_code == 200
    assert shown(message, reader_html(response)), message
    assert not ArticlePage.objects.exists()
    assert Page.objects.count() == 3  # root, home, blog
    assert not Revision.objects.exists()


def test_article_without_lead_cannot_be_published(admin_client, blog, author, knee):
    response = admin_client.post(add_url(blog), publish(article_form_data(body=FULL_BODY, tags=TAGS, lead="", authors=[author], categories=[knee])))

    assert_rejected(response, "この項目は必須です")


def test_article_without_author_cannot_be_published(admin_client, blog, knee):
    response = admin_client.post(add_url(blog), publish(article_form_data(body=FULL_BODY, tags=TAGS, authors=[], categories=[knee])))

    assert_rejected(response, "著者を1人以上選んでください。")


def test_article_without_category_cannot_be_published(admin_client, blog, author):
    response = admin_client.post(add_url(blog), publish(article_form_data(body=FULL_BODY, tags=TAGS, authors=[author], categories=[])))

    assert_rejected(response, "カテゴリーを1つ以上選んでください。")


def test_unfinished_draft_may_be_saved_but_not_published(admin_client, client, blog):
    """Wagtail defers required fields on "下書き保存", so a practitioner can
    stop half-way; publishing asks for everything."""
    admin_client.post(add_url(blog), article_form_data(body=FULL_BODY, tags=TAGS, lead="", authors=[], categories=[]))
    draft = ArticlePage.objects.get(slug="knee-inside")

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]),
                           publish(article_form_data(body=FULL_BODY, tags=TAGS, lead="", authors=[], categories=[])))

    assert response.status_code == 200
    assert shown("この項目は必須です", reader_html(response))
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/blog/knee-inside/").status_code == 404


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"])
def test_duplicate_heading_anchors_are_rejected_in_japanese(admin_client, blog, author, knee, action):
    body = [heading("原因", anchor="cause"), heading("もうひとつの原因", anchor="cause")]

    response = admin_client.post(add_url(blog), {**article_form_data(body=body, tags=TAGS, authors=[author], categories=[knee]), **action})

    assert_rejected(response, "アンカーID「cause」が重複しています。別のIDを入力してください。")


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"])
def test_reserved_slug_is_rejected_in_japanese(admin_client, blog, author, knee, action):
    data = article_form_data(body=FULL_BODY, tags=TAGS, slug="category", authors=[author], categories=[knee])

    response = admin_client.post(add_url(blog), {**data, **action})

    assert_rejected(response, "「category」はブログのURLで使われているため使えません。")


def author_form(**fields):
    data = {"name": "佐藤 健", "name_kana": "さとう けん", "slug": "sato", "photo": "", "job_title": "理学療法士",
            "clinic": "", "area": "", "bio": "", "website_url": "", "x_url": "", "instagram_url": "",
            "facebook_url": "", "youtube_url": "", "line_url": ""}
    return {**data, **fields}


def test_author_is_created_and_edited_in_the_snippet_admin(admin_client, client, blog):
    created = admin_client.post(reverse("wagtailsnippets_blog_author:add"), author_form())
    author = Author.objects.get(slug="sato")
    edited = admin_client.post(
        reverse("wagtailsnippets_blog_author:edit", args=[author.pk]), author_form(job_title="理学療法士・院長")
    )

    assert created.status_code == 302 and edited.status_code == 302
    author.refresh_from_db()
    assert author.job_title == "理学療法士・院長"
    make_article(blog, authors=[author])  # an author's page exists once an article credits them
    assert "理学療法士・院長" in reader_html(client.get("/blog/author/sato/"))


def test_author_with_a_taken_slug_is_rejected_in_japanese(admin_client):
    AuthorFactory(slug="sato")

    response = admin_client.post(reverse("wagtailsnippets_blog_author:add"), author_form())

    assert response.status_code == 200
    assert "この スラッグ を持った 著者 が既に存在します。" in reader_html(response)
    assert Author.objects.count() == 1


def test_category_is_created_and_edited_in_the_snippet_admin(admin_client):
    data = {"name": "肩こり", "slug": "shoulder", "description": "", "sort_order": "3"}

    created = admin_client.post(reverse("wagtailsnippets_blog_category:add"), data)
    category = Category.objects.get(slug="shoulder")
    edited = admin_client.post(
        reverse("wagtailsnippets_blog_category:edit", args=[category.pk]), {**data, "description": "首と肩のこり"}
    )

    assert created.status_code == 302 and edited.status_code == 302
    category.refresh_from_db()
    assert category.description == "首と肩のこり"


def test_category_with_a_taken_slug_is_rejected_in_japanese(admin_client):
    CategoryFactory(slug="knee")

    response = admin_client.post(
        reverse("wagtailsnippets_blog_category:add"),
        {"name": "膝", "slug": "knee", "description": "", "sort_order": "0"},
    )

    assert response.status_code == 200
    assert "この スラッグ を持った カテゴリー が既に存在します。" in reader_html(response)
    assert Category.objects.count() == 1
