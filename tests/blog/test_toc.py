"""The table of contents (目次) built from an article's heading blocks."""

import re

import pytest

from tests.factories import block, make_article
from typography.phrases import mark_phrases

pytestmark = pytest.mark.django_db


def heading(level, text, anchor=""):
    return block("heading", {"level": level, "text": text, "anchor": anchor})


def paragraph(text):
    return block("paragraph", f"<p>{text}</p>")


def toc_html(html):
    match = re.search(r'<nav class="toc".*?</nav>', html, re.S)
    return match.group(0) if match else ""


def test_toc_links_match_heading_ids_and_nest_h3_under_h2(client, blog):
    body = [
        heading("h2", "膝の内側が痛む原因"),
        paragraph("本文"),
        heading("h3", "歩き方のくせ", "walking"),
        heading("h3", "筋肉の硬さ"),
        heading("h2", "自分でできるケア", "care"),
        heading("h3", "ストレッチ"),
    ]
    article = make_article(blog, body=body)

    html = client.get(article.url).content.decode()
    toc = toc_html(html)

    hrefs = re.findall(r'href="#([^"]+)"', toc)
    assert hrefs == ["膝の内側が痛む原因", "walking", "筋肉の硬さ", "care", "ストレッチ"]
    for anchor in hrefs:
        assert f'id="{anchor}"' in html
    assert 'aria-labelledby="toc-title"' in toc and ">目次</summary>" in toc
    top_level = toc.split('class="toc__list">')[1]
    assert top_level.index("walking") < top_level.index("care")
    assert re.search(rf'#膝の内側が痛む原因">{mark_phrases("膝の内側が痛む原因")}</a>\s*<ol class="toc__sublist"><li><a href="#walking">', toc)
    assert re.search(rf'#care">{mark_phrases("自分でできるケア")}</a>\s*<ol class="toc__sublist"><li><a href="#ストレッチ">', toc)


def test_toc_is_collapsible_without_javascript(client, blog):
    article = make_article(blog, body=[heading("h2", f"見出し{i}") for i in range(3)])

    toc = toc_html(client.get(article.url).content.decode())

    assert "<details class=\"toc__details\" open>" in toc and "<summary" in toc


def test_no_toc_with_fewer_than_three_headings(client, blog):
    article = make_article(blog, body=[heading("h2", "原因"), paragraph("本文"), heading("h3", "くせ")])

    html = client.get(article.url).content.decode()

    assert toc_html(html) == ""
    assert 'id="原因"' in html  # the headings themselves still render


def test_h3_before_any_h2_stands_on_its_own(blog):
    article = make_article(blog, body=[heading("h3", "はじめに"), heading("h2", "原因"), heading("h3", "くせ")])

    entries = article.table_of_contents

    assert [(e.text, [c.text for c in e.children]) for e in entries] == [("はじめに", []), ("原因", ["くせ"])]


def test_toc_anchor_follows_editor_anchor_then_text(blog):
    article = make_article(
        blog, body=[heading("h2", "Knee Pain"), heading("h2", "腰", "my-back"), heading("h2", "！？")]
    )

    assert [e.anchor for e in article.table_of_contents] == ["knee-pain", "my-back", "section"]
