"""The theme blocks as readers see them: 吹き出し, よくある質問, 表, トグル,
タイムライン and the box kinds (blog/layout_blocks.py); and as editors
meet them: validated, previewed in the block picker, in Japanese."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.blocks import StreamValue

from blog.blocks import ArticleBodyBlock
from blog.models import ArticlePage
from blog.reading_time import reading_minutes
from search.index import article_texts
from tests.factories import AuthorFactory, ImageFactory, block, make_article, theme_blocks_body
from tests.html import reader_html, without_phrase_markup

pytestmark = pytest.mark.django_db

NEW_BLOCKS = ["balloon", "faq", "blog_card", "table", "button", "toggle", "timeline"]


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", without_phrase_markup(html))).strip()


def render(kind, value):
    stream_block = ArticleBodyBlock()
    stream = stream_block.to_python([block(kind, value)])
    return stream[0].render(context={})


@pytest.fixture
def article(blog):
    photo = ImageFactory(title="院長の写真", description="院長")
    author = AuthorFactory(name="田中 一郎", photo=photo)
    icon = ImageFactory(title="患者さんのアイコン")
    return make_article(blog, title="腰痛の相談", body=theme_blocks_body(author=author, icon=icon))


def test_balloons_show_who_speaks_with_their_face_on_each_side(client, article):
    html = reader_html(client.get(article.url))

    left, right = re.findall(r'<figure class="block-balloon block-balloon--(\w+)">(.*?)</figure>', html, re.S)
    assert left[0] == "left" and right[0] == "right"
    # The author's photo and name; the patient's uploaded icon.
    assert 'class="block-balloon__icon"' in left[1] and "田中 一郎" in left[1]
    assert "<figcaption" in left[1] and text_of(left[1]).startswith("田中 一郎：")
    assert text_of(right[1]) == "患者さん： 朝、腰が重いんです。"
    assert '<img alt="" class="block-balloon__icon"' in right[1] or 'class="block-balloon__icon" alt=""' in right[1]


def test_a_balloon_without_icon_draws_the_speakers_initial():
    html = render("balloon", {"author": None, "speaker_name": "患者さん", "speaker_icon": None,
                              "position": "left", "text": "<p>はい。</p>"})

    assert '<span class="block-balloon__icon block-balloon__icon--initial" aria-hidden="true">患</span>' in html


def test_a_balloon_needs_an_author_or_a_speakers_name():
    balloon = ArticleBodyBlock().child_blocks["balloon"]
    value = balloon.to_python({"author": None, "speaker_name": " ", "position": "left", "text": "<p>こんにちは</p>"})

    with pytest.raises(Exception) as error:
        balloon.clean(value)
    assert "著者を選ぶか、話す人の名前を入れてください。" in str(error.value.block_errors["speaker_name"])


def test_faq_lists_every_question_with_its_answer(client, article):
    html = reader_html(client.get(article.url))

    faq = re.search(r'<div class="block-faq">.*?</dl>', html, re.S).group(0)
    assert faq.count("<dt") == 2 and faq.count("<dd") == 2
    assert "質問：保険は使えますか？" in text_of(faq)
    assert "回答：整体は自費です。" in text_of(faq) and "<b>自費</b>" in faq


def test_a_table_has_its_caption_as_the_name_of_a_scrolling_region():
    html = render("table", {"data": [["メニュー", "時間", "料金"], ["整体", "40分", "5,500円"]],
                            "first_row_is_table_header": True, "first_col_is_header": True,
                            "table_caption": "施術料金", "mergeCells": [], "cell": []})

    caption_id = re.search(r'<figcaption class="block-table__caption" id="([^"]+)">', html).group(1)
    assert f'role="region" tabindex="0" aria-labelledby="{caption_id}"' in html
    assert '<th scope="col">メニュー</th><th scope="col">時間</th><th scope="col">料金</th>' in html
    assert '<th scope="row">整体</th><td>40分</td><td>5,500円</td>' in html


def test_merged_cells_span_and_the_cells_they_cover_are_left_out():
    html = render("table", {"data": [["コース", "料金"], ["回数券", "5回 25,000円"], ["", "10回 48,000円"]],
                            "first_row_is_table_header": True, "first_col_is_header": True, "table_caption": "",
                            "mergeCells": [{"row": 1, "col": 0, "rowspan": 2, "colspan": 1}], "cell": []})

    assert '<th scope="row" rowspan="2">回数券</th><td>5回 25,000円</td>' in html
    assert "<tr><td>10回 48,000円</td></tr>" in html
    assert 'role="region" tabindex="0" aria-label="表"' in html  # no caption: still a named region


def test_a_merge_past_the_table_or_over_whole_columns_and_rows_leaves_no_empty_ones():
    """HTML has no column or row in which no cell begins, nor a span past
    the table: the spans shrink to the columns and rows still drawn."""
    html = render("table", {"data": [["全部", "", "", "右"], ["", "", "", "下"]],
                            "first_row_is_table_header": False, "first_col_is_header": False, "table_caption": "",
                            "mergeCells": [{"row": 0, "col": 0, "rowspan": 99999, "colspan": 3},
                                           {"row": 1, "col": 3, "rowspan": 5, "colspan": 9}], "cell": []})

    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    assert rows == ['<td rowspan="2">全部</td><td>右</td>', "<td>下</td>"]


def test_table_cells_are_text_never_markup():
    html = render("table", {"data": [["<script>alert(1)</script>"]], "first_row_is_table_header": False,
                            "first_col_is_header": False, "table_caption": "", "mergeCells": [], "cell": []})

    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_toggle_is_a_closed_details_element(client, article):
    html = reader_html(client.get(article.url))

    toggle = re.search(r'<details class="block-toggle">.*?</details>', html, re.S).group(0)
    assert "open" not in toggle.split(">")[0]
    assert '<summary class="block-toggle__summary">キャンセルについて</summary>' in toggle
    assert "前日までにご連絡ください。" in toggle


def test_hidden_toggle_text_faq_and_balloons_are_searchable(article):
    _title, body = article_texts(ArticlePage.objects.get(pk=article.pk))

    for text in ["前日までにご連絡ください。", "キャンセルについて", "保険は使えますか？", "整体は自費です。",
                 "朝、腰が重いんです。", "患者さん", "5,500円", "料金表", "施術の流れ", "40分ほどです。"]:
        assert text in body, text


def test_readers_find_the_text_of_a_closed_toggle_in_site_search(client, article):
    from search.index import index_articles

    index_articles(ArticlePage.objects.filter(pk=article.pk))
    html = reader_html(client.get("/search/", {"q": "キャンセル"}))

    assert "腰痛の相談" in html


def test_a_timeline_numbers_steps_without_a_label(client, article):
    html = reader_html(client.get(article.url))

    timeline = re.search(r'<section class="block-timeline">.*?</section>', html, re.S).group(0)
    labels = re.findall(r'<span class="block-timeline__label">(.*?)</span>', timeline)
    assert labels == ["1", "2"]
    assert "<ol" in timeline and "問診" in timeline and "40分ほどです。" in timeline


@pytest.mark.parametrize(("kind", "heading"), [("point", "ポイント"), ("caution", "注意"), ("info", "補足"),
                                               ("check", "チェック"), ("memo", "メモ")])
def test_every_box_kind_renders_with_its_name_as_caption(kind, heading):
    html = render("note", {"kind": kind, "title": "", "text": "<p>本文</p>"})

    assert f'<aside class="block-note block-note--{kind}">' in html
    assert text_of(html).startswith(heading)


def test_reading_time_counts_the_theme_blocks_text():
    stream = ArticleBodyBlock().to_python(
        [block("faq", {"title": "", "items": [{"question": "あ" * 300, "answer": "<p>" + "い" * 300 + "</p>"}]})]
    )

    assert reading_minutes("", stream) == 2  # 600 characters at 500 a minute


def test_an_unreadable_stored_table_or_balloon_shows_as_nothing(client, blog):
    body = [block("table", {"data": "not rows"}), block("balloon", "no speaker"), block("paragraph", "<p>残る本文</p>")]
    article = make_article(blog, title="壊れた表", body=[block("paragraph", "<p>x</p>")])
    ArticlePage.objects.filter(pk=article.pk).update(body=body)

    response = client.get(article.url)

    assert response.status_code == 200
    assert "残る本文" in response.content.decode() and "block-table" not in response.content.decode()


def preview(admin_client, name):
    child = ArticlePage.body.field.stream_block.child_blocks[name]
    return admin_client.get(reverse("wagtailadmin_block_preview"), {"id": child.definition_prefix})


@pytest.mark.parametrize("name", NEW_BLOCKS)
def test_each_theme_block_has_a_japanese_preview_in_the_picker(admin_client, name):
    child = ArticlePage.body.field.stream_block.child_blocks[name]
    response = preview(admin_client, name)

    assert child.is_previewable and re.search(r"[ぁ-んァ-ン一-龥]", str(child.meta.description))
    assert re.search(r"[ぁ-んァ-ン一-龥]", str(child.label))
    assert response.status_code == 200
    assert f"block-{'card' if name == 'blog_card' else name}" in response.content.decode()


def test_new_blocks_are_offered_to_content_pages_too():
    from pages.models import ContentPage

    offered = ContentPage.body.field.stream_block.child_blocks
    assert set(NEW_BLOCKS) <= set(offered)


def test_the_raw_shapes_the_importer_writes_round_trip_unchanged(article):
    stored = ArticlePage.objects.get(pk=article.pk).body
    raw = {item["type"]: item["value"] for item in stored.raw_data}
    again = StreamValue(stored.stream_block, [(child.block_type, child.value, child.id) for child in stored])

    for item in again.get_prep_value():
        if item["type"] in NEW_BLOCKS:
            assert set(raw[item["type"]]) <= set(item["value"]) | {"cell"}, item["type"]


def test_the_empty_corner_of_a_two_way_table_is_a_plain_cell():
    html = render("table", {"data": [["", "温める", "冷やす"], ["方法", "入浴", "保冷剤"]],
                            "first_row_is_table_header": True, "first_col_is_header": True,
                            "table_caption": "目安", "mergeCells": [], "cell": []})

    assert '<tr><td></td><th scope="col">温める</th><th scope="col">冷やす</th></tr>' in html


def test_the_editor_opens_an_article_of_theme_blocks(admin_client, article):
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("吹き出し", "よくある質問", "ブログカード", "表（料金表・比較表）", "ボタン", "アコーディオン・トグル", "タイムライン"):
        # The block definitions reach the page as JSON, which may escape non-ASCII.
        assert label in html or json.dumps(label)[1:-1] in html, label


def test_every_theme_block_as_the_importer_stores_it_passes_the_editors_validation(article):
    stream = ArticlePage.objects.get(pk=article.pk).body

    ArticleBodyBlock().clean(stream)  # what the admin runs before saving; raises on any error
