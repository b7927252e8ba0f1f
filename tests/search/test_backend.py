"""The admin's page and snippet search go through the same analyser."""

import pytest

from blog.snippets import Author
from tests.factories import AuthorFactory, CategoryFactory, make_article, paragraphs
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["膝", "ひざ", "ヒザ"])
def test_admin_page_search_finds_knee_articles_in_any_spelling(admin_client, blog, query):
    make_article(blog, title="膝の内側が痛くて歩けない原因")
    make_article(blog, title="ひざ裏を伸ばすストレッチ")
    make_article(blog, title="腰痛の基本", lead="腰について。", body=paragraphs("背中を伸ばします。"))

    html = reader_html(admin_client.get("/admin/pages/search/", {"q": query}))

    assert "膝の内側が痛くて歩けない原因" in html
    assert "ひざ裏を伸ばすストレッチ" in html
    assert "腰痛の基本" not in html


def test_admin_page_search_answers_hostile_queries(admin_client, blog):
    make_article(blog, title="膝の体操")
    for query in ['"', "NEAR(膝", "😀", "' OR 1=1 --", "膝" * 1000]:
        assert admin_client.get("/admin/pages/search/", {"q": query}).status_code == 200


def test_admin_author_search_matches_kana_reading_and_full_width(admin_client):
    AuthorFactory(name="山田 遥", name_kana="やまだ はるか")
    AuthorFactory(name="ＡＢＣ整体 佐藤", name_kana="さとう")
    AuthorFactory(name="鈴木 一郎", name_kana="すずき いちろう")

    by_kana = reader_html(admin_client.get("/admin/snippets/blog/author/", {"q": "やまだ"}))
    by_width = reader_html(admin_client.get("/admin/snippets/blog/author/", {"q": "abc"}))

    assert "山田 遥" in by_kana and "鈴木 一郎" not in by_kana
    assert "ＡＢＣ整体 佐藤" in by_width and "鈴木 一郎" not in by_width


def test_admin_category_search_matches_kana_spelling(admin_client):
    CategoryFactory(name="膝の痛み")
    CategoryFactory(name="腰痛")

    html = reader_html(admin_client.get("/admin/snippets/blog/category/", {"q": "ひざ"}))

    assert "膝の痛み" in html and "腰痛" not in html


def test_backend_search_api_matches_through_the_analyser():
    from wagtail.search.backends import get_search_backend

    AuthorFactory(name="山田 遥", bio="肩こりの施術が専門です。")

    results = get_search_backend().search("肩凝り", Author)
    assert [author.name for author in results] == ["山田 遥"]


@pytest.mark.parametrize("snippet", ["author", "category"])
@pytest.mark.parametrize("query", ['"', "-", "😀", "・・・", "()"])
def test_admin_snippet_search_of_only_symbols_shows_an_empty_list(admin_client, snippet, query):
    AuthorFactory(name="山田 遥")
    CategoryFactory(name="膝の痛み")

    response = admin_client.get(f"/admin/snippets/blog/{snippet}/", {"q": query})

    assert response.status_code == 200
    assert "山田 遥" not in reader_html(response) and "膝の痛み" not in reader_html(response)
