"""表現チェック in real Chromium: the editor of a draft that says 「必ず治る」
shows the finding, highlighted, with its explanation; a demo article's
editor shows none."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from blog.models import ArticlePage, BlogIndexPage
from demo.loader import load
from tests.factories import make_article, paragraphs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def logged_in(offline_page, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("wording-editor", "editor@example.com", "pw")
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    offline_page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
    return offline_page.page


def test_the_editor_shows_findings_for_a_draft_and_none_for_a_demo_article(offline_page, live_server, django_user_model):
    load()
    blog = BlogIndexPage.objects.get()
    draft = make_article(blog, title="膝のセルフケア", body=paragraphs("このストレッチを続ければ、膝の痛みは必ず治る。"), publish=False)
    tab = logged_in(offline_page, live_server, django_user_model)
    tab.set_viewport_size({"width": 1366, "height": 900})

    tab.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    panel = tab.locator(".teate-wording")
    expect(panel).to_contain_text("注意が必要な表現の可能性があります（1件）")
    expect(panel.locator("mark")).to_have_text("必ず治る")
    expect(panel).to_contain_text("効果の保証")
    expect(panel).to_contain_text("景品表示法")
    assert "違法" not in panel.inner_text()
    panel.get_by_role("link", name="理由を書いて見送る").click()
    tab.locator("textarea[name=reason]").fill("研究結果の紹介で、効果を約束する文ではないため")
    tab.get_by_role("button", name="見送りにする").click()
    expect(tab.locator(".teate-wording")).to_contain_text("見送りにした注意（1件）")
    expect(tab.locator(".teate-wording mark")).to_have_count(0)

    demo_article = ArticlePage.objects.get(slug="膝の内側の痛み")
    tab.goto(f"{live_server.url}/admin/pages/{demo_article.pk}/edit/")
    expect(tab.locator(".teate-wording")).to_contain_text("注意が必要な表現は見つかりませんでした。")
    expect(tab.locator(".teate-wording mark")).to_have_count(0)
    assert offline_page.outside_requests == []
