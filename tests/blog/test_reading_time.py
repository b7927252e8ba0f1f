"""「この記事は約N分で読めます」: about 500 characters a minute."""

import pytest

from blog import reading_time
from blog.blocks import ArticleBodyBlock
from tests.factories import ImageFactory, block, make_article, sample_body
from tests.html import reader_html


def body_of(raw_blocks):
    return ArticleBodyBlock().to_python(raw_blocks)


@pytest.fixture
def count_characters(monkeypatch):
    """The character count behind reading_minutes, read exactly by making a
    minute hold one character."""
    monkeypatch.setattr(reading_time, "CHARACTERS_PER_MINUTE", 1)
    return reading_time.reading_minutes


@pytest.mark.django_db
def test_reading_time_is_shown_in_japanese_on_the_article(client, blog):
    article = make_article(blog, lead="あ" * 400, body=[block("paragraph", "<p>" + "い" * 700 + "</p>")])

    html = reader_html(client.get(article.url))

    assert "この記事は約3分で読めます" in html  # 1,100 characters


@pytest.mark.parametrize(("characters", "minutes"), [(0, 1), (1, 1), (500, 1), (501, 2), (1000, 2), (2600, 6)])
def test_minutes_round_up_and_are_at_least_one(characters, minutes):
    assert reading_time.reading_minutes("字" * characters, body_of([])) == minutes


def test_lead_and_body_add_up():
    body = body_of([block("paragraph", "<p>" + "い" * 300 + "</p>")])

    assert reading_time.reading_minutes("あ" * 300, body) == 2


def test_rich_text_tags_entities_and_whitespace_are_not_counted(count_characters):
    body = body_of([block("paragraph", '<p><b>膝</b>の<a href="https://example.com/long/url">痛み</a>&amp;</p>\n<ul><li> 腰 </li></ul>')])

    assert count_characters(" リード\n", body) == len("リード膝の痛み&腰")


@pytest.mark.django_db
def test_every_block_text_counts_but_not_anchors_choices_or_images(count_characters):
    body = body_of(sample_body(image=ImageFactory()))

    expected = "".join([
        "膝の内側が痛む原因",  # heading text, not its level or anchor
        "鵞足の周りの筋肉が硬くなると痛みます。",
        "歩き方のくせ",
        "こんな症状はありませんか？", "押すと痛い", "曲げると痛い",  # checklist
        "ストレッチ", "椅子に座る", "背すじを伸ばします。",  # steps
        "注意", "腫れているときは受診を。",  # note, not its kind
        "楽になりました。", "60代・女性",  # quote and its source
        "膝の内側",  # figure caption, not the image's alt text
    ])
    assert count_characters("", body) == len(expected)
