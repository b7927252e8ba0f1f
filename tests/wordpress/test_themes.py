"""Cocoon's and SWELL's blocks, and core's table, details and buttons,
imported as Teate's blocks (wordpress/themes.py).

The fixture (fixtures/themes.xml) is written from each theme's saved markup:
Cocoon's blocks/src save.js and block.json, SWELL's markup as public exports
show it. The assertions are on the planned drafts' raw blocks, the plain
values the writers store; how those blocks render is blog.blocks' concern
(tests/blog)."""

import json

import pytest
from django.db import transaction
from wagtail.images import get_image_model

from blog.models import ArticlePage
from blog.snippets import Author
from tests.factories import make_site
from wordpress import plan

from .conftest import run_import

COCOON, SWELL, CORE, CLASSIC, BROKEN, LATER = "201", "202", "203", "204", "205", "206"
RAW = ("<!-- wp:", "<!--", "wp:", "[blogcard", "class=", "speech-", "c-balloon", "swell-block", "cocoon")


@pytest.fixture(scope="module")
def themes_import(django_db_setup, django_db_blocker):
    """themes.xml imported once; every draft planned on the way, in order."""
    drafts = {}
    original = plan.Planner.plan

    def keep(self, item, **kwargs):
        draft = original(self, item, **kwargs)
        drafts.setdefault(draft.wp_id, []).append(draft)
        return draft

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan.Planner, "plan", keep)
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            make_site()
            yield run_import("themes.xml"), drafts
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def drafts(themes_import, db):
    return themes_import[1]


@pytest.fixture
def report(themes_import, db):
    return themes_import[0]


def blocks(drafts, wp_id, kind=None):
    """The raw blocks of the post's last draft (after the relink pass)."""
    final = drafts[wp_id][-1]
    return [b["value"] if kind else b["type"] for b in final.blocks if kind is None or b["type"] == kind]


def page(slug):
    return ArticlePage.objects.get(slug=slug)


def test_every_cocoon_block_becomes_its_teate_block(drafts):
    assert blocks(drafts, COCOON) == [
        "paragraph",
        "balloon", "balloon", "balloon",  # balloon-ex-box-1 twice, the older balloon-box
        "faq",  # two faq blocks in a row: one FAQ
        "blog_card", "blog_card",
        "toggle",
        "note", "note", "note", "note", "note",  # tab-box, caption-box, tab-caption-box, info-box, blank-box
        "button", "button",  # button, button-wrap
        "timeline",
        "note", "note", "note",  # icon list, comparison box's two sides
        "note", "button",  # CTA
        "heading", "paragraph", "heading", "paragraph",  # tabs
    ]


def test_balloon_speaker_is_the_author_whose_name_matches_whatever_its_spaces_and_width(drafts):
    first = blocks(drafts, COCOON, "balloon")[0]
    author = Author.objects.get(name="山田 太郎")  # written "山田　太郎" in the balloon
    assert first == {
        "author": author.pk, "speaker_name": "", "speaker_icon": None, "position": "left",
        "text": "<p>今日は<strong>膝</strong>の話です。</p>",
    }
    # SWELL, attributes only, and inside a Cocoon box: the same author.
    assert blocks(drafts, BROKEN, "balloon")[1]["author"] == author.pk


def test_other_speakers_keep_their_name_and_their_icon_from_the_uploads(drafts, report):
    patient, receptionist = blocks(drafts, COCOON, "balloon")[1:]
    icon = get_image_model().objects.get(pk=patient["speaker_icon"])
    assert (patient["author"], patient["speaker_name"], patient["position"]) == (None, "患者さん", "right")
    assert icon.file.name.endswith(".png") and "patient" in icon.file.name
    # An icon that is not in the uploads folder: named speaker, no icon, reported.
    assert (receptionist["speaker_name"], receptionist["speaker_icon"]) == ("受付", None)
    assert "2019/01/old-staff.png" in report
    staff = blocks(drafts, SWELL, "balloon")[0]
    assert (staff["speaker_name"], staff["position"]) == ("スタッフ", "right") and staff["speaker_icon"]


def test_a_swell_balloon_saved_by_id_only_keeps_its_words_and_is_reported(drafts, report):
    unknown = blocks(drafts, SWELL, "balloon")[1]
    assert unknown["text"] == "<p>話し手の分からない吹き出し</p>" and unknown["speaker_name"] == "話し手"
    assert "loos/balloon（話し手）: 1" in report


def test_every_question_and_answer_is_kept(drafts):
    (cocoon,) = blocks(drafts, COCOON, "faq")
    assert cocoon["items"] == [
        {"question": "施術は痛いですか？", "answer": "<p>痛みのない強さで行います。</p>"},
        {"question": "予約は必要ですか？", "answer": "<p>予約優先です。</p>"},
    ]
    (swell,) = blocks(drafts, SWELL, "faq")
    assert [(i["question"], i["answer"]) for i in swell["items"]] == [
        ("保険は使えますか？", "<p>自費施術です。</p>"),
        ("駐車場はありますか？", "<p>2台分あります。</p>"),
    ]


def test_a_card_to_a_post_further_down_becomes_a_page_card_in_the_relink_pass(drafts):
    later = page("later-post")
    first, final = drafts[COCOON][0], drafts[COCOON][-1]
    assert first.unresolved == {LATER} and not final.unresolved
    cards = blocks(drafts, COCOON, "blog_card")
    assert cards[0] == {"page": later.pk, "url": "", "title": "", "description": ""}
    # Cocoon's [blogcard] shortcode and SWELL's banner link: the same page.
    assert blocks(drafts, CLASSIC, "blog_card")[0]["page"] == later.pk
    assert blocks(drafts, SWELL, "blog_card")[-1]["page"] == later.pk
    # SWELL's post link to an earlier post: a page card at once.
    assert blocks(drafts, SWELL, "blog_card")[0]["page"] == page("cocoon-blocks").pk


def test_a_card_to_another_site_keeps_its_address_and_typed_title_and_fetches_nothing(drafts):
    assert blocks(drafts, SWELL, "blog_card")[1] == {
        "page": None, "url": "https://www.mhlw.go.jp/stf/seisakunitsuite/", "title": "厚生労働省", "description": "",
    }
    cocoon_external = blocks(drafts, COCOON, "blog_card")[1]
    assert (cocoon_external["url"], cocoon_external["title"]) == ("https://www.mhlw.go.jp/",) * 2


def test_a_price_table_keeps_its_header_caption_and_merged_cells(drafts):
    (table,) = blocks(drafts, CORE, "table")
    assert table == {
        "data": [["コース", "時間", "料金"], ["整体", "30分", "4,000円"], ["", "60分", "7,000円"], ["初診料", "", "1,000円"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "料金表（税込）",
        "mergeCells": [{"row": 1, "col": 0, "rowspan": 2, "colspan": 1}, {"row": 3, "col": 0, "rowspan": 1, "colspan": 2}],
        "cell": [],
        "table_header_choice": "row",  # Wagtail's TableBlock fills it in from the two flags
    }
    (classic,) = blocks(drafts, CLASSIC, "table")
    assert classic["first_col_is_header"] and not classic["first_row_is_table_header"]


def test_buttons_link_as_the_booking_links_do_and_a_javascript_button_keeps_only_its_label(drafts):
    assert blocks(drafts, COCOON, "button")[:2] == [
        {"label": "予約する", "page": None, "url": "https://reserve.example/teate", "style": "primary"},
        {"label": "電話する", "page": None, "url": "tel:0466000000", "style": "primary"},
    ]
    assert blocks(drafts, SWELL, "button") == [
        {"label": "WEB予約", "page": None, "url": "https://reserve.example/teate", "style": "secondary"}
    ]
    core = blocks(drafts, CORE, "button")
    assert core[1] == {"label": "SWELLの記事へ", "page": page("swell-blocks").pk, "url": "", "style": "secondary"}
    assert len(core) == 2 and "<p>危ないボタン</p>" in blocks(drafts, CORE, "paragraph")


def test_toggles_and_details_become_toggles(drafts):
    assert blocks(drafts, COCOON, "toggle") == [{"title": "料金の詳細", "body": "<p>初診料は3,000円です。</p>"}]
    assert blocks(drafts, SWELL, "toggle") == [{"title": "キャンセルについて", "body": "<p>前日までにご連絡ください。</p>"}]
    assert blocks(drafts, CORE, "toggle") == [{"title": "支払い方法", "body": "<p>現金とカードが使えます。</p>"}]


def test_timelines_and_swell_steps_keep_every_step_in_order(drafts):
    (cocoon,) = blocks(drafts, COCOON, "timeline")
    assert cocoon["title"] == "来院の流れ"
    assert [(i["label"], i["title"], i["text"]) for i in cocoon["items"]] == [
        ("STEP1", "受付", "<p>問診票を書きます。</p>"), ("STEP2", "施術", "<p>30分ほどです。</p>"),
    ]
    (swell,) = blocks(drafts, SWELL, "timeline")
    assert [(i["label"], i["title"]) for i in swell["items"]] == [("STEP 1", "予約する"), ("STEP 2", "来院する")]


def test_tabs_become_a_heading_per_tab_then_its_content(drafts):
    cocoon = drafts[COCOON][-1].blocks[-4:]
    assert [(b["type"], b["value"]) for b in cocoon] == [
        # No H2 before them in the post: H2s, not H3s after the page's H1.
        ("heading", {"level": "h2", "text": "平日", "anchor": ""}), ("paragraph", "<p>9時から20時まで。</p>"),
        ("heading", {"level": "h2", "text": "土日", "anchor": ""}), ("paragraph", "<p>9時から17時まで。</p>"),
    ]
    headings = [h["text"] for h in blocks(drafts, SWELL, "heading")]
    assert headings == ["初回", "2回目以降"]  # tabHeaders' HTML is dropped


def test_boxes_become_notes_with_their_kind_and_caption(drafts):
    notes = [(n["kind"], n["title"]) for n in blocks(drafts, COCOON, "note")]
    assert notes == [
        ("check", "チェック"), ("caution", "注意"), ("memo", "メモ"), ("check", ""), ("memo", ""),
        ("check", "持ち物"), ("check", "整体"), ("check", "マッサージ"), ("point", "初回限定"),
    ]
    assert blocks(drafts, SWELL, "note") == [{"kind": "point", "title": "ポイント", "text": "<p>毎日30秒。</p>"}]


def test_hostile_markup_is_read_without_losing_words_or_leaking_markup(drafts, report):
    body = drafts[BROKEN][-1].blocks
    kinds = [b["type"] for b in body]
    assert kinds == ["balloon", "note", "balloon", "table", "paragraph", "toggle"]
    assert body[0]["value"]["speaker_name"] == '引用符"入り"の名前'  # JSON escapes, quotes
    table = body[3]["value"]
    assert len(table["data"][0]) <= 20 and "隣" in table["data"][0]  # a span of 99999 is clamped
    assert body[4]["value"] == "<p>答えのない質問</p>"
    assert "loos/post-link: 1" in report  # its linkData is not an object
    assert "閉じタグがありません" in body[5]["value"]["body"]


def test_nothing_raw_reaches_a_draft_or_a_stored_page(drafts):
    for wp_id, planned in drafts.items():
        text = json.dumps([b["value"] for b in planned[-1].blocks], ensure_ascii=False)
        assert not [raw for raw in RAW if raw in text], wp_id
    for article in ArticlePage.objects.all():
        stored = json.dumps(list(article.body.raw_data), ensure_ascii=False)
        assert not [raw for raw in RAW if raw in stored], article.title
