"""search_articles on PostgreSQL leaves the connection as it found it."""

import pytest
from django.db import connection

from search.analyser import get_analyser
from search.query import search_articles
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner setting exists only on PostgreSQL")
def test_search_inside_a_transaction_gives_later_queries_their_usual_plans(blog):
    make_article(blog, title="膝の体操")

    found = [hit.article.title for hit in search_articles("膝")]  # pytest-django's transaction is open

    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
    assert found == ["膝の体操"]


def titles(query):
    return sorted(hit.article.title for hit in search_articles(query))


@pytest.mark.parametrize("query", ["がそく", "ガソク", "がそく "])
def test_a_reading_typed_in_kana_finds_the_term_the_author_glossed(knee_articles, blog, query):
    make_article(blog, title="鵞足炎のセルフケア", body=[], lead="鵞足（がそく）は膝の内側にある腱の集まりです。")

    assert titles(query) == ["鵞足炎のセルフケア"]


def test_a_reading_finds_a_kanji_term_sudachi_can_read(knee_articles):
    assert titles("しつかんせつしょう") == ["変形性膝関節症と言われたら"]


def test_readings_do_not_widen_a_query_with_kanji_in_it(knee_articles, blog):
    make_article(blog, title="鵞足炎のセルフケア", body=[], lead="鵞足（がそく）は膝の内側にある腱の集まりです。")

    assert titles("鵞足") == ["膝の内側が痛くて歩けない原因", "鵞足炎のセルフケア"]
    assert titles("肩こり") == ["肩こりに効く三つの習慣"]


@pytest.mark.parametrize("query, reading", [("がそく", "ガソク"), ("ガソク", "ガソク"), ("かた", None), ("鵞足", None), ("膝 がそく", None)])
def test_only_a_kana_query_of_three_or_more_kana_is_tried_as_a_reading(query, reading):
    # Two-kana words are too ambiguous (カタ: 肩, 型, 方…); ひざ already meets
    # 膝 through Sudachi's normalised forms.
    assert get_analyser().reading_for_query(query) == reading


def test_a_kana_query_lists_its_reading_s_articles_before_its_word_by_word_matches(blog):
    # ようつう is also read word by word as よう (様), which many texts contain.
    make_article(blog, title="姿勢の話", body=[], lead="座り方を変えるようにしましょう。")
    make_article(blog, title="腰痛の予防", body=[], lead="腰痛を防ぐ体操です。")
    make_article(blog, title="歩き方の話", body=[], lead="かかとから着くように歩きます。")

    found = [hit.article.title for hit in search_articles("ようつう")]

    assert found[0] == "腰痛の予防"
