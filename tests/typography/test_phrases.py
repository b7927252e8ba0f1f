"""Japanese headings break between phrases only: <wbr> inside a .phrases
span on every title a reader sees, and nowhere a machine reads."""

import re

import feedparser
import pytest
from django.utils.safestring import mark_safe

from tests.factories import AuthorFactory, CategoryFactory, block, make_article
from typography.phrases import mark_phrases, split

TITLE = "デスクワークで固まった肩をほぐす3つのストレッチ"


def test_split_keeps_every_character_in_order():
    assert "".join(split(TITLE)) == TITLE
    assert split(TITLE) == ("デスクワークで", "固まった", "肩を", "ほぐす", "3つの", "ストレッチ")


@pytest.mark.parametrize(
    "text, whole",
    [
        ("朝のこわばりをほぐす体操", "体操"),  # BudouX alone cuts 体／操
        ("デスクワークで固まった肩をほぐす3つのストレッチ", "ほぐす"),  # …and ほぐ／す
        ("お探しのページが見つかりません", "見つかりません"),
        ("ご相談ください", "ご相談ください"),
        ("見直したい3つのこと", "見直したい"),
    ],
)
def test_words_are_never_cut(text, whole):
    assert whole in split(text) or any(whole in phrase for phrase in split(text))


def test_plain_text_is_escaped_and_joined_with_wbr():
    html = mark_phrases("膝の<痛み>&腰")

    assert html.startswith('<span class="phrases">') and html.endswith("</span>")
    assert "<痛み>" not in html and "&lt;痛み&gt;" in html and "&amp;" in html
    assert re.sub(r"<wbr>", "", html) == '<span class="phrases">膝の&lt;痛み&gt;&amp;腰</span>'


def test_safe_html_keeps_its_tags_and_gets_wbr_in_its_text_only():
    html = mark_phrases(mark_safe('<mark>膝</mark>の内側が<a href="/a?b=1&amp;c=2">痛い</a>'))

    assert '<a href="/a?b=1&amp;c=2">' in html and "<mark>膝</mark>の<wbr>内側が" in html


def test_empty_values_render_nothing():
    assert mark_phrases("") == "" and mark_phrases(None) == ""


def test_no_inline_style_in_the_markup():
    assert "style=" not in mark_phrases(TITLE)


@pytest.fixture
def article(blog):
    body = [
        block("heading", {"level": "h2", "text": "肩が固まる原因を見直したい", "anchor": "cause"}),
        block("heading", {"level": "h3", "text": "スマートフォンを見る姿勢", "anchor": ""}),
        block("heading", {"level": "h2", "text": "自分でできるセルフケア", "anchor": "care"}),
        block("checklist", {"title": "こんな症状はありませんか？", "items": ["首がこる"]}),
        block("steps", {"title": "肩甲骨のストレッチ", "steps": [{"title": "両手を肩にのせる", "text": ""}]}),
    ]
    return make_article(
        blog, title=TITLE, body=body, authors=[AuthorFactory()], categories=[CategoryFactory(name="肩こり")]
    )


@pytest.mark.django_db
def test_article_headings_title_and_toc_break_between_phrases(client, article):
    html = client.get(article.url).content.decode()

    assert f'<h1 class="article__title">{mark_phrases(TITLE)}</h1>' in html
    assert f"{mark_phrases('肩が固まる原因を見直したい')}</h2>" in html
    assert f"{mark_phrases('スマートフォンを見る姿勢')}</h3>" in html
    assert f'<a href="#care">{mark_phrases("自分でできるセルフケア")}</a>' in html  # the TOC
    assert f'<p class="block-checklist__title">{mark_phrases("こんな症状はありませんか？")}</p>' in html
    assert f'<strong class="block-steps__step">{mark_phrases("両手を肩にのせる")}</strong>' in html
    assert f">{mark_phrases('この記事を書いた人')}</h2>" in html


@pytest.mark.django_db
def test_machine_read_text_is_left_whole(client, article, blog):
    html = client.get(article.url).content.decode()
    head = html.split("</head>", 1)[0]

    assert f"<title>{TITLE}" in head and "<wbr>" not in head
    assert f'<meta property="og:title" content="{TITLE}' in head
    feed = feedparser.parse(client.get("/blog/feed/").content)
    assert feed.entries[0].title == TITLE
    article.refresh_from_db()
    assert article.title == TITLE


@pytest.mark.django_db
def test_listing_card_titles_break_between_phrases(client, article):
    html = client.get("/blog/").content.decode()

    assert f'<h3 class="card__title">{mark_phrases(TITLE)}</h3>' in html
