"""The Japanese editor's guide ships with the site and is read inside the admin."""

import re

import pytest
from django.urls import reverse

from editing.guide import GUIDE_PATH, guide_html

from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_guide_is_served_in_the_admin_as_html(admin_client):
    response = admin_client.get(reverse("teate_editor_guide"))

    html = reader_html(response)
    assert response.status_code == 200
    assert "<h1" in html and "編集ガイド</h1>" in html
    for section in ["記事を書く", "画像", "動画", "公開と予約公開", "監修"]:
        assert re.search(rf"<h2[^>]*>{section}</h2>", html), section
    assert "<title>編集ガイド - 手当て 管理画面</title>" in html


def test_every_link_in_the_guides_contents_lands_on_its_heading():
    html = guide_html()  # what the admin page shows inside its own markup

    targets = re.findall(r'href="#([^"]+)"', html)
    ids = set(re.findall(r'<h[23] id="([^"]+)"', html))
    assert len(targets) >= 6
    assert [target for target in targets if target not in ids] == []


def test_guide_needs_an_admin_login(client):
    response = client.get(reverse("teate_editor_guide"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_help_menu_links_to_our_guide_instead_of_wagtail_s_english_one(admin_client):
    html = reader_html(admin_client.get(reverse("wagtailadmin_home")))

    assert reverse("teate_editor_guide") in html
    assert "guide.wagtail.org" not in html
    assert "docs.wagtail.org" not in html


def test_guide_covers_what_an_editor_does():
    text = GUIDE_PATH.read_text(encoding="utf-8")

    for words in ["新しい記事を書く", "代替テキスト", "YouTube", "スケジュールを設定", "監修者", "スラッグ"]:
        assert words in text, words
