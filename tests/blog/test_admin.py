"""The practitioner's path through the real Wagtail admin: write, save a
draft, preview, publish — and the clear Japanese errors when something is
missing. Nothing is half-saved."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import ArticlePage
from blog.snippets import Author, Category
from tests.factories import AuthorFactory, CategoryFactory, make_article

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


def article_form(
    *,
    title="膝の内側が痛くて歩けない原因",
    slug="knee-inside",
    lead="膝の内側が痛むときのリード文です。",
    body=None,
    authors=(),
    categories=(),
    tags="膝, ストレッチ",
):
    """The POST data of the article editor, filled in as a practitioner would."""
    if body is None:
        body = [
            heading("膝の内側が痛む原因"),
            ("paragraph", rich_text("<p>鵞足の周りが硬くなると痛みます。</p>")),
            ("checklist", {"title": "こんな症状はありませんか？", "items": streamfield([("item", "押すと痛い")])}),
            heading("自分でできるケア", level="h3"),
            ("steps", {"title": "ストレッチ", "steps": streamfield([("item", {"title": "椅子に座る", "text": "背すじを"})])}),
            ("note", {"kind": "caution", "title": "注意", "text": rich_text("<p>腫れているときは受診を。</p>")}),
            ("quote", {"quote": "歩くのが楽になりました。", "source": "60代・女性"}),
        ]
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": lead,
            "hero_image": "",
            "body": streamfield(body),
            "article_authors": inline_formset([{"author": a.pk, "id": ""} for a in authors], min=1),
            "article_categories": inline_formset([{"category": c.pk, "id": ""} for c in categories], min=1),
            "tags": tags,
            "comments": inline_formset([]),
        }
    )


def publish(data):
    return {**data, "action-publish": "action-publish"}


def with_existing_links(data, article):
    """Edit-form data: the article's saved author and category rows keep their ids."""
    for relation in ("article_authors", "article_categories"):
        links = list(getattr(article, relation).order_by("sort_order"))
        data[f"{relation}-INITIAL_FORMS"] = str(len(links))
        for i, link in enumerate(links):
            data[f"{relation}-{i}-id"] = str(link.pk)
    return data


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk])


def test_admin_is_served_in_japanese(editor, blog):
    html = editor.get(reverse("wagtailadmin_home")).content.decode()

    assert '<html lang="ja"' in html
    assert "ダッシュボード" in html


def test_saving_a_new_article_keeps_it_a_draft_invisible_to_readers(editor, client, blog, author, knee, walking):
    response = editor.post(add_url(blog), article_form(authors=[author], categories=[knee, walking]))

    article = ArticlePage.objects.get(slug="knee-inside")
    assert response.status_code == 302
    assert not article.live and article.has_unpublished_changes
    assert [c.slug for c in article.categories] == ["knee", "walking"]
    assert sorted(t.name for t in article.tags.all()) == ["ストレッチ", "膝"]
    editor.logout()
    assert client.get("/blog/knee-inside/").status_code == 404
    for url in ["/", "/blog/", "/blog/category/knee/", "/blog/author/yamada/", "/blog/tag/膝/"]:
        assert "膝の内側が痛くて歩けない原因" not in client.get(url).content.decode(), url


def test_preview_of_a_new_article_renders_the_page(editor, blog, author, knee):
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", blog.pk])

    posted = editor.post(url, article_form(authors=[author], categories=[knee]))
    preview = editor.get(url)

    assert posted.json() == {"is_valid": True, "is_available": True}
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "膝の内側が痛くて歩けない原因</h1>" in html
    assert "鵞足の周りが硬くなると痛みます。" in html and "押すと痛い" in html
    assert "椅子に座る" in html and "腫れているときは受診を。" in html
    assert "この記事を書いた人" in html
    assert not ArticlePage.objects.exists()


def test_preview_of_a_draft_shows_the_unsaved_edits(editor, blog, author, knee):
    article = make_article(blog, publish=False, authors=[author], categories=[knee])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    editor.post(url, article_form(title="書きかけのタイトル", slug=article.slug, authors=[author], categories=[knee]))
    html = editor.get(url).content.decode()

    assert "書きかけのタイトル</h1>" in html


def test_publishing_puts_the_article_on_every_listing(editor, client, blog, author, knee, walking):
    editor.post(add_url(blog), article_form(authors=[author], categories=[knee, walking]))
    article = ArticlePage.objects.get(slug="knee-inside")

    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        publish(with_existing_links(article_form(authors=[author], categories=[knee, walking]), article)),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    editor.logout()
    assert client.get("/blog/knee-inside/").status_code == 200
    for url in ["/", "/blog/", "/blog/category/knee/", "/blog/category/walking/", "/blog/author/yamada/",
                "/blog/tag/膝/", "/blog/tag/ストレッチ/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "膝の内側が痛くて歩けない原因" in response.content.decode(), url


def shown(message, html):
    """The message is on the page, as text or inside the StreamField's JSON error data."""
    return message in html or json.dumps(message)[1:-1] in html


def assert_rejected(response, message):
    """The editor sees the form again with the Japanese message, and nothing was saved."""
    assert response.status_code == 200
    assert shown(message, response.content.decode()), message
    assert not ArticlePage.objects.exists()
    assert Page.objects.count() == 3  # root, home, blog
    assert not Revision.objects.exists()


def test_article_without_lead_cannot_be_published(editor, blog, author, knee):
    response = editor.post(add_url(blog), publish(article_form(lead="", authors=[author], categories=[knee])))

    assert_rejected(response, "この項目は必須です")


def test_article_without_author_cannot_be_published(editor, blog, knee):
    response = editor.post(add_url(blog), publish(article_form(authors=[], categories=[knee])))

    assert_rejected(response, "著者を1人以上選んでください。")


def test_article_without_category_cannot_be_published(editor, blog, author):
    response = editor.post(add_url(blog), publish(article_form(authors=[author], categories=[])))

    assert_rejected(response, "カテゴリーを1つ以上選んでください。")


def test_unfinished_draft_may_be_saved_but_not_published(editor, client, blog):
    """Wagtail defers required fields on "下書き保存", so a practitioner can
    stop half-way; publishing asks for everything."""
    editor.post(add_url(blog), article_form(lead="", authors=[], categories=[]))
    draft = ArticlePage.objects.get(slug="knee-inside")

    response = editor.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]),
                           publish(article_form(lead="", authors=[], categories=[])))

    assert response.status_code == 200
    assert shown("この項目は必須です", response.content.decode())
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/blog/knee-inside/").status_code == 404


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"])
def test_duplicate_heading_anchors_are_rejected_in_japanese(editor, blog, author, knee, action):
    body = [heading("原因", anchor="cause"), heading("もうひとつの原因", anchor="cause")]

    response = editor.post(add_url(blog), {**article_form(body=body, authors=[author], categories=[knee]), **action})

    assert_rejected(response, "アンカーID「cause」が重複しています。別のIDを入力してください。")


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}], ids=["draft", "publish"])
def test_reserved_slug_is_rejected_in_japanese(editor, blog, author, knee, action):
    data = article_form(slug="category", authors=[author], categories=[knee])

    response = editor.post(add_url(blog), {**data, **action})

    assert_rejected(response, "「category」はブログのURLで使われているため使えません。")


def author_form(**fields):
    data = {"name": "佐藤 健", "name_kana": "さとう けん", "slug": "sato", "photo": "", "job_title": "理学療法士",
            "clinic": "", "area": "", "bio": "", "website_url": "", "x_url": "", "instagram_url": "",
            "facebook_url": "", "youtube_url": "", "line_url": ""}
    return {**data, **fields}


def test_author_is_created_and_edited_in_the_snippet_admin(editor, client, blog):
    created = editor.post(reverse("wagtailsnippets_blog_author:add"), author_form())
    author = Author.objects.get(slug="sato")
    edited = editor.post(
        reverse("wagtailsnippets_blog_author:edit", args=[author.pk]), author_form(job_title="理学療法士・院長")
    )

    assert created.status_code == 302 and edited.status_code == 302
    author.refresh_from_db()
    assert author.job_title == "理学療法士・院長"
    make_article(blog, authors=[author])  # an author's page exists once an article credits them
    assert "理学療法士・院長" in client.get("/blog/author/sato/").content.decode()


def test_author_with_a_taken_slug_is_rejected_in_japanese(editor):
    AuthorFactory(slug="sato")

    response = editor.post(reverse("wagtailsnippets_blog_author:add"), author_form())

    assert response.status_code == 200
    assert "この スラッグ を持った 著者 が既に存在します。" in response.content.decode()
    assert Author.objects.count() == 1


def test_category_is_created_and_edited_in_the_snippet_admin(editor):
    data = {"name": "肩こり", "slug": "shoulder", "description": "", "sort_order": "3"}

    created = editor.post(reverse("wagtailsnippets_blog_category:add"), data)
    category = Category.objects.get(slug="shoulder")
    edited = editor.post(
        reverse("wagtailsnippets_blog_category:edit", args=[category.pk]), {**data, "description": "首と肩のこり"}
    )

    assert created.status_code == 302 and edited.status_code == 302
    category.refresh_from_db()
    assert category.description == "首と肩のこり"


def test_category_with_a_taken_slug_is_rejected_in_japanese(editor):
    CategoryFactory(slug="knee")

    response = editor.post(
        reverse("wagtailsnippets_blog_category:add"),
        {"name": "膝", "slug": "knee", "description": "", "sort_order": "0"},
    )

    assert response.status_code == 200
    assert "この スラッグ を持った カテゴリー が既に存在します。" in response.content.decode()
    assert Category.objects.count() == 1
