"""Cocoon's and SWELL's blocks as readers get them after an import.

tests/wordpress/test_themes.py checks the raw values the importer plans;
here fixtures/themes.xml goes through the real command and each imported
article is read as a reader reads it (the test client, the whole page), so
the importer's values and the blocks that render them (blog/layout_blocks.py,
blog/link_blocks.py, templates/blocks/) are checked together."""

import json
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from wagtail.models import Revision

from blog.blocks import ArticleBodyBlock
from blog.models import ArticlePage
from blog.snippets import Author
from security.streams import UNREADABLE
from tests.factories import ImageFactory, make_site
from tests.html import reader_html
from tests.test_html_validity import vnu_command

from .conftest import run_import

IMPORTED = ["cocoon-blocks", "swell-blocks", "core-blocks", "classic-card", "broken-markup", "later-post"]
# What a theme's markup would leave behind if any of it reached a page.
RAW = ("<!-- wp:", "wp:", "[blogcard", "[speech_balloon", "[caption")
THEME_CLASSES = (
    "wp-block", "cocoon-block", "swell-block", "balloon-ex-box", "c-balloon", "speech-", "sbp-", "faq-wrap",
    "toggle-wrap", "blank-box", "cap_box", "timeline-item", "btn-wrap", "is-style-",
)


@pytest.fixture(scope="module")
def themes_site(django_db_setup, django_db_blocker):
    """themes.xml imported once for the module, rolled back afterwards; each
    test runs in its own savepoint."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            make_site()
            yield run_import("themes.xml")
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def read(themes_site, db, client):
    """read(slug) → the article's body as a reader gets it, parsed."""

    def read(slug, whole=False):
        response = client.get(ArticlePage.objects.get(slug=slug).url)
        assert response.status_code == 200, slug
        page = BeautifulSoup(reader_html(response), "html.parser")
        return page if whole else page.select_one(".article__body")

    return read


def text(element):
    return re.sub(r"\s+", " ", element.get_text()).strip() if element is not None else ""


def balloons(body):
    return [
        (
            "right" if "block-balloon--right" in figure["class"] else "left",
            text(figure.select_one(".block-balloon__name")).rstrip("："),
            text(figure.select_one(".block-balloon__text")),
            figure.select_one("img.block-balloon__icon") is not None,
        )
        for figure in body.select("figure.block-balloon")
    ]


def test_every_balloon_shows_its_speaker_on_its_side_with_its_words(read):
    assert balloons(read("cocoon-blocks")) == [
        ("left", "山田 太郎", "今日は膝の話です。", False),  # the author, who has no photo yet: an initial
        ("right", "患者さん", "階段がつらいんです。", True),  # the icon from the uploads folder
        ("left", "受付", "古い吹き出しブロックです。", False),  # its icon was not in the uploads
    ]
    assert balloons(read("swell-blocks")) == [
        ("right", "スタッフ", "SWELLの吹き出しです。", True),
        ("left", "話し手", "話し手の分からない吹き出し", False),  # saved with balloonID only
    ]
    assert balloons(read("broken-markup")) == [
        ("right", '引用符"入り"の名前', "エスケープされた属性。", False),
        ("left", "山田 太郎", "箱の中の吹き出し。", False),  # 「山田太郎」 in SWELL's attributes
    ]
    cocoon = read("cocoon-blocks")
    assert "<strong>膝</strong>" in str(cocoon.select_one(".block-balloon__text"))
    initial = cocoon.select_one(".block-balloon__icon--initial")
    assert (text(initial), initial["aria-hidden"]) == ("山", "true")


def test_a_balloon_spoken_by_a_matched_author_shows_the_authors_photo(read):
    author = Author.objects.get(name="山田 太郎")
    author.photo = ImageFactory(title="院長の写真")
    author.save()

    first = read("cocoon-blocks").select_one("figure.block-balloon")

    assert text(first.select_one(".block-balloon__name")) == "山田 太郎："
    photo = first.select_one("figcaption img.block-balloon__icon")
    assert photo is not None and photo["alt"] == "" and "/media/images/" in photo["src"]


def test_every_question_and_answer_is_on_the_page_and_in_its_faqpage_json_ld(read):
    expected = {
        "cocoon-blocks": [("施術は痛いですか？", "痛みのない強さで行います。"), ("予約は必要ですか？", "予約優先です。")],
        "swell-blocks": [("保険は使えますか？", "自費施術です。"), ("駐車場はありますか？", "2台分あります。")],
    }
    for slug, pairs in expected.items():
        page = read(slug, whole=True)
        shown = [
            (text(item.select_one("dt")).removeprefix("Q質問："), text(item.select_one(".block-faq__text")))
            for item in page.select(".article__body .block-faq__item")
        ]
        assert shown == pairs, slug
        graph = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
        (faq,) = [node for node in graph if node["@type"] == "FAQPage"]
        assert [(q["name"], q["acceptedAnswer"]["text"]) for q in faq["mainEntity"]] == pairs, slug
    # A question whose answer was empty is kept as words, and is no FAQ.
    broken = read("broken-markup", whole=True)
    assert not broken.select(".block-faq") and "答えのない質問" in text(broken.select_one(".article__body"))
    assert "FAQPage" not in broken.select_one('script[type="application/ld+json"]').string


def cards(body):
    return [
        (
            "external" if "block-card--external" in card["class"] else "page",
            text(card.select_one(".block-card__title")),
            card.select_one("a")["href"],
        )
        for card in body.select(".block-card")
    ]


def test_a_card_to_an_imported_post_is_a_page_card_and_an_external_card_shows_its_typed_title(read):
    later = ("page", "後の記事", "/blog/later-post/")  # further down the file: linked in the relink pass
    assert cards(read("cocoon-blocks")) == [later, ("external", "https://www.mhlw.go.jp/", "https://www.mhlw.go.jp/")]
    assert cards(read("swell-blocks")) == [
        ("page", "Cocoonのブロック", "/blog/cocoon-blocks/"),
        ("external", "厚生労働省", "https://www.mhlw.go.jp/stf/seisakunitsuite/"),
        later,  # the banner link
    ]
    assert cards(read("classic-card")) == [later, ("external", "https://www.mhlw.go.jp/", "https://www.mhlw.go.jp/")]
    card = read("cocoon-blocks").select_one(".block-card")
    assert text(card.select_one(".block-card__lead")) == "ファイルの後ろにある記事です。"  # read from the page now


def test_every_toggle_is_a_closed_details_with_its_text(read):
    expected = {
        "cocoon-blocks": [("料金の詳細", "初診料は3,000円です。")],
        "swell-blocks": [("キャンセルについて", "前日までにご連絡ください。")],
        "core-blocks": [("支払い方法", "現金とカードが使えます。")],
        "broken-markup": [("閉じていないトグル", "閉じタグがありません。最後の段落")],
    }
    for slug, toggles in expected.items():
        details = read(slug).select("details.block-toggle")
        assert [(text(d.summary), text(d.select_one(".block-toggle__body"))) for d in details] == toggles, slug
        assert not [d for d in details if d.has_attr("open")]


def cells(table):
    return [
        [(cell.name, text(cell), cell.get("scope"), cell.get("rowspan"), cell.get("colspan")) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def test_a_price_table_renders_its_header_row_caption_and_merged_cells(read):
    figure = read("core-blocks").select_one("figure.block-table")

    caption = figure.select_one("figcaption")
    assert text(caption) == "料金表（税込）"
    assert figure.select_one('[role="region"]')["aria-labelledby"] == caption["id"]
    assert cells(figure.table) == [
        [("th", "コース", "col", None, None), ("th", "時間", "col", None, None), ("th", "料金", "col", None, None)],
        [("td", "整体", None, "2", None), ("td", "30分", None, None, None), ("td", "4,000円", None, None, None)],
        [("td", "60分", None, None, None), ("td", "7,000円", None, None, None)],
        [("td", "初診料", None, None, "2"), ("td", "1,000円", None, None, None)],
    ]


def test_a_classic_table_with_th_in_its_first_column_renders_a_header_column(read):
    figure = read("classic-card").select_one("figure.block-table")

    assert figure.select_one("figcaption") is None and figure.select_one('[role="region"]')["aria-label"] == "表"
    assert cells(figure.table) == [
        [("th", "曜日", "row", None, None), ("td", "月", None, None, None), ("td", "火", None, None, None)],
        [("th", "午前", "row", None, None), ("td", "○", None, None, None), ("td", "○", None, None, None)],
    ]


def test_a_hostile_merge_renders_clamped_within_the_table(read):
    (row,) = cells(read("broken-markup").select_one("figure.block-table table"))
    # Clamped to 20 columns on import; the 18 no cell begins in are left out when rendered.
    assert row == [("td", "巨大な結合", None, None, None), ("td", "隣", None, None, None)]


def buttons(body):
    return [
        (text(a), a["href"], "secondary" if "block-button__link--secondary" in a["class"] else "primary")
        for a in body.select(".block-button a")
    ]


def test_every_button_links_where_it_should_and_a_javascript_one_is_no_link(read):
    reserve = "https://reserve.example/teate"
    assert buttons(read("cocoon-blocks")) == [
        ("予約する", reserve, "primary"), ("電話する", "tel:0466000000", "primary"), ("予約はこちら", reserve, "primary"),
    ]
    assert buttons(read("swell-blocks")) == [("WEB予約", reserve, "secondary")]
    core = read("core-blocks")
    assert buttons(core) == [("予約する", reserve, "primary"), ("SWELLの記事へ", "/blog/swell-blocks/", "secondary")]
    # The javascript: button keeps its words, as a paragraph, and no link anywhere goes there.
    assert "危ないボタン" in [text(p) for p in core.select(".block-paragraph p")]
    assert not [a for a in core.find_all("a") if "javascript" in a.get("href", "").lower()]


def timelines(body):
    return [
        (
            text(section.select_one(".block-timeline__title")),
            [
                (text(item.select_one(".block-timeline__label")), text(item.select_one(".block-timeline__heading")),
                 text(item.select_one(".block-timeline__text")))
                for item in section.select(".block-timeline__item")
            ],
        )
        for section in body.select("section.block-timeline")
    ]


def test_every_timeline_and_step_item_is_shown_in_order(read):
    assert timelines(read("cocoon-blocks")) == [
        ("来院の流れ", [("STEP1", "受付", "問診票を書きます。"), ("STEP2", "施術", "30分ほどです。")]),
    ]
    assert timelines(read("swell-blocks")) == [
        ("", [("STEP 1", "予約する", "電話かWEBで。"), ("STEP 2", "来院する", "5分前にお越しください。")]),
    ]


def notes(body):
    return [
        (re.search(r"block-note--(\w+)", " ".join(box["class"])).group(1), text(box.select_one(".block-note__title")),
         text(box.select_one(".block-note__text")))
        for box in body.select("aside.block-note")
    ]


def test_every_box_shows_its_kind_and_caption(read):
    assert notes(read("cocoon-blocks")) == [
        ("check", "チェック", "タブボックスの中身。"),  # tab-box bb-check
        ("caution", "注意", "強い痛みの日は休みましょう。"),  # caption-box
        ("memo", "メモ", "水分をとりましょう。"),  # tab-caption-box
        ("check", "チェック", "毎日続けると効果的です。"),  # info-box success-box: no title, the kind's name
        ("memo", "メモ", "白いボックスの中身。"),  # blank-box
        ("check", "持ち物", "保険証動きやすい服"),  # iconlist-box
        ("check", "整体", "体全体を見る"),  # comparison box, left
        ("check", "マッサージ", "筋肉をほぐす"),  # and right
        ("point", "初回限定", "初回は半額です。"),  # CTA
    ]
    assert notes(read("swell-blocks")) == [("point", "ポイント", "毎日30秒。")]
    assert notes(read("broken-markup")) == [("point", "入れ子", "箱の中の文章。")]


def sections(body):
    """(level, heading, the block after it) for every heading of the body."""
    return [(h.name, text(h), text(h.find_next_sibling())) for h in body.select(".block-heading")]


def test_tabs_become_headings_each_followed_by_its_content(read):
    # No H2 before them: the tabs are H2s, so the outline skips no level.
    cocoon = read("cocoon-blocks")
    assert sections(cocoon) == [("h2", "平日", "9時から20時まで。"), ("h2", "土日", "9時から17時まで。")]
    assert [h["id"] for h in cocoon.select(".block-heading")] == ["平日", "土日"]
    assert sections(read("swell-blocks")) == [("h2", "初回", "問診があります。"), ("h2", "2回目以降", "すぐに施術します。")]


def test_nothing_raw_from_wordpress_reaches_any_imported_page(read):
    for slug in IMPORTED:
        page = read(slug, whole=True)
        html = str(page)
        assert not [raw for raw in RAW if raw in html], slug
        classes = {name for element in page.find_all(class_=True) for name in element["class"]}
        assert not [name for name in classes if name.startswith(THEME_CLASSES)], slug
        words = text(page.select_one(".article__body")) + page.select_one('meta[name="description"]')["content"]
        assert not re.search(r"[<>{}]|\[/?\w+[ \]]", words), slug


def test_every_imported_block_is_readable_and_passes_the_editors_validation(themes_site, db):
    """An editor who opens an imported article and publishes it is stopped by
    nothing the import wrote; no stored block is shown as nothing because
    its block could not read it."""
    stream_block = ArticleBodyBlock()
    for article in ArticlePage.objects.all():
        assert UNREADABLE not in [child.block_type for child in article.body], article.slug
        stream_block.clean(article.body)
        assert len(article.body) == len(article.body.raw_data), article.slug


def stored():
    return {
        page.slug: (json.dumps(list(page.body.raw_data), ensure_ascii=False, sort_keys=True), page.latest_revision_id)
        for page in ArticlePage.objects.all()
    }


def test_importing_the_same_export_again_changes_no_stored_body(themes_site, db):
    before, revisions = stored(), Revision.objects.count()

    report = run_import("themes.xml")

    assert "投稿: 変更なし 6" in report
    assert stored() == before
    assert Revision.objects.count() == revisions


def test_every_imported_page_is_valid_html(themes_site, db, client, tmp_path):
    command = vnu_command()
    files = []
    for slug in IMPORTED:
        path = tmp_path / f"{slug}.html"
        path.write_bytes(client.get(ArticlePage.objects.get(slug=slug).url).content)
        files.append(str(path))

    result = subprocess.run([*command, *files], capture_output=True, text=True, timeout=300)

    assert '"messages"' in result.stdout, result.stderr[-2000:]
    messages = json.loads(result.stdout)["messages"]
    errors = [(Path(m.get("url", "")).name, m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"]
    assert errors == []
