"""/search/: what a reader finds, in what order, and that any query is answered."""

import re

import pytest

from search.analyser import MAX_QUERY_CHARS
from tests.factories import make_article, paragraphs
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db


def result_titles(response):
    html = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]+">(.*?)</a></h2>', html)
    return [re.sub(r"<[^>]+>", "", title) for title in titles]  # <mark>, and <wbr> between phrases


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


@pytest.mark.parametrize(
    "query, expected",
    [
        ("膝", {"inner_knee", "kana_knee", "oa"}),
        ("ひざ", {"inner_knee", "kana_knee", "oa"}),
        ("ヒザ", {"inner_knee", "kana_knee", "oa"}),
        ("膝の痛み", {"inner_knee", "kana_knee", "oa"}),  # 膝の痛み is their category
        ("膝の筋肉", {"inner_knee"}),
        ("筋膜リリース", {"fascia"}),
        ("変形性膝関節症", {"oa"}),
        ("肩凝り", {"shoulder"}),
    ],
)
def test_search_finds_the_articles_that_say_it_in_any_spelling(client, knee_articles, query, expected):
    response = search(client, query)

    assert response.status_code == 200
    assert set(result_titles(response)) == {knee_articles[name].title for name in expected}


def test_article_with_the_word_in_its_title_comes_before_one_with_it_in_the_body(client, blog):
    make_article(blog, title="朝の体操", lead="朝に。", body=paragraphs("ストレッチで体を起こします。"))
    make_article(blog, title="ストレッチの基本", lead="はじめての方へ。", body=paragraphs("呼吸を止めずに。"))

    assert result_titles(search(client, "ストレッチ")) == ["ストレッチの基本", "朝の体操"]


def test_result_shows_category_date_and_the_matched_words_marked(client, knee_articles):
    html = search(client, "ひざ").content.decode()

    assert "<mark>膝</mark>の<wbr>内側が<wbr>痛くて<wbr>歩けない<wbr>原因" in html  # <wbr>: breaks between phrases
    assert "寝起きに<mark>ひざ</mark>が固まる方へ。" in html
    assert '<p class="card__category">膝の痛み</p>' in html
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日</time>", html)
    assert "「ひざ」の記事は3件です。" in html


def test_drafts_are_never_found(client, blog):
    make_article(blog, title="下書きの膝の記事", publish=False)

    assert result_titles(search(client, "膝")) == []


def test_publishing_and_unpublishing_change_the_results_at_once(client, blog):
    article = make_article(blog, title="膝のテーピング", publish=False)
    assert result_titles(search(client, "テーピング")) == []

    article.save_revision().publish()
    assert result_titles(search(client, "テーピング")) == ["膝のテーピング"]

    article.refresh_from_db()
    article.unpublish()
    assert result_titles(search(client, "テーピング")) == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   　 ",
        "膝" * 1000,
        "😀🦵",
        "'; DROP TABLE blog_searchentry; --",
        "膝 OR 1=1",
        '"膝',
        "NEAR(膝 痛み) AND * ^title:膝 -腰",
        "<script>alert('膝')</script>",
        "%_\\",
    ],
)
def test_any_query_gets_an_ordinary_page(client, knee_articles, query):
    response = search(client, query)

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_query_is_echoed_back_escaped(client, blog):
    html = search(client, "<b>膝</b>").content.decode()

    assert 'value="&lt;b&gt;膝&lt;/b&gt;"' in html
    assert "<b>膝</b>" not in html


def test_results_are_paginated_and_page_links_keep_the_query(client, blog, settings):
    settings.BLOG_PAGE_SIZE = 3
    for n in range(5):
        make_article(blog, title=f"膝の体操{n}")

    first, second = search(client, "膝"), search(client, "膝", page=2)

    assert len(result_titles(first)) == 3 and len(result_titles(second)) == 2
    assert 'href="/search/?q=%E8%86%9D&amp;page=2"' in first.content.decode()
    assert search(client, "膝", page=9).status_code == 404


def test_search_page_queries_do_not_grow_with_results(client, blog, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    for n in range(15):
        make_article(blog, title=f"膝の体操{n}")
    search(client, "膝")  # the Site and settings are cached from now on

    with django_assert_max_num_queries(MAX_QUERIES["search"]):
        response = search(client, "膝")
    assert len(result_titles(response)) == 12


def test_every_page_has_a_search_box_in_the_header(client, knee_articles):
    html = client.get("/").content.decode()

    assert '<form class="search-form" action="/search/" method="get" role="search">' in html


def test_search_page_tells_search_engines_not_to_index_it_and_names_the_query(client, clinic):
    html = search(client, "膝").content.decode()
    head = html.split("</head>")[0]

    assert '<meta name="robots" content="noindex">' in head
    assert "<title>「膝」の検索結果 | てあて整体院</title>" in head
    assert '<meta property="og:title" content="「膝」の検索結果 | てあて整体院">' in head
    assert 'rel="canonical"' not in head  # a result page is nothing to point search engines at


def test_search_box_is_as_long_as_the_search_reads(client, site_tree):
    html = client.get("/").content.decode()

    assert f'maxlength="{MAX_QUERY_CHARS}"' in html
