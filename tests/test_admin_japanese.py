"""The Wagtail admin speaks Japanese where Wagtail 8's own ja catalogs stop.

Wagtail ships these strings untranslated; Teate supplies them in
locale/ja/LC_MESSAGES/ (django.po for templates and Python, djangojs.po for
the admin's JavaScript). These tests fail if that catalog stops loading.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


def add_article_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


def test_add_article_page_shows_japanese_autosave_and_promote_labels(editor, blog):
    response = editor.get(add_article_url(blog))

    html = response.content.decode()
    assert response.status_code == 200
    assert "自動保存は<span>一時停止中</span>です" in html
    assert "タイトルタグ" in html
    assert "Autosave is" not in html
    assert "Title tag" not in html


def empty_article_form():
    """What the browser sends when the editor presses 下書きを保存 on a blank form."""
    return nested_form_data(
        {
            "title": "",
            "slug": "",
            "lead": "",
            "body": streamfield([]),
            "article_authors": inline_formset([]),
            "article_categories": inline_formset([]),
        }
    )


def test_saving_an_empty_article_explains_the_errors_in_japanese(editor, blog):
    response = editor.post(add_article_url(blog), empty_article_form())

    html = response.content.decode()
    assert response.status_code == 200
    assert "入力内容にエラーがあるため、ページを作成できませんでした。" in html
    assert "最初のエラーへ移動" in html
    assert "The page could not be created due to validation errors." not in html


def test_autosave_of_an_invalid_article_answers_in_japanese(editor, blog):
    # The autosave script posts the form asking for JSON; its message is shown
    # beside the save button.
    response = editor.post(add_article_url(blog), empty_article_form(), headers={"Accept": "application/json"})

    assert response.status_code == 400
    assert response.json()["error_message"] == "入力エラーがあります。保存するとエラー箇所が強調表示されます。"


def test_admin_javascript_catalog_carries_the_project_translations(editor):
    response = editor.get(reverse("wagtailadmin_javascript_catalog"))

    js = response.content.decode()
    assert response.status_code == 200
    # The catalog is JSON inside JavaScript, so non-ASCII arrives \u-escaped.
    assert json.dumps("Collapse all") + ": " + json.dumps("すべて折りたたむ") in js
    assert json.dumps("ブロックを挿入") in js
