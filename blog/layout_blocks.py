"""The blocks WordPress themes (SWELL, Cocoon) taught clinic writers to use:
吹き出し, よくある質問, 表, トグル and タイムライン here; ブログカード and
ボタン, which link to pages, in link_blocks.py. ArticleBodyBlock (blocks.py)
offers them to articles and 固定ページ alike; the WordPress importer writes
their raw values (docs/articles.md)."""

import hashlib
import html
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

SHORT_TEXT_FEATURES = ["bold", "italic", "link"]
LIST_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def field_error(name, message):
    return StructBlockValidationError(block_errors={name: ValidationError(message)})


# ---- 吹き出し ------------------------------------------------------------------


class BalloonValue(blocks.StructValue):
    @property
    def name(self):
        """Who speaks: the author's name, or the typed speaker's."""
        author = self.get("author")
        return author.name if author is not None else (self.get("speaker_name") or "")

    @property
    def icon(self):
        author = self.get("author")
        return author.photo if author is not None else self.get("speaker_icon")

    @property
    def initial(self):
        """The first letter of the name, drawn in place of a missing icon."""
        return self.name[:1]


class BalloonBlock(blocks.StructBlock):
    author = SnippetChooserBlock(
        "blog.Author", label=_("著者から選ぶ"), required=False,
        help_text=_("院の先生なら著者を選ぶと、写真と名前が入ります。"),
    )
    speaker_name = blocks.CharBlock(
        label=_("話す人の名前"), required=False, max_length=40,
        help_text=_("著者でない人（患者さんなど）のときに入れてください。"),
    )
    speaker_icon = ImageChooserBlock(label=_("話す人のアイコン"), required=False)
    position = blocks.ChoiceBlock(
        choices=[("left", _("左")), ("right", _("右"))], default="left", label=_("位置"), search_index=False
    )
    text = blocks.RichTextBlock(label=_("せりふ"), features=SHORT_TEXT_FEATURES)

    def clean(self, value):
        value = super().clean(value)
        if value.get("author") is None and not (value.get("speaker_name") or "").strip():
            raise field_error("speaker_name", _("著者を選ぶか、話す人の名前を入れてください。"))
        return value

    def bulk_to_python(self, values):
        """Each author's photo and each icon with their renditions, in a few
        queries however many balloons the page has."""
        converted = super().bulk_to_python(values)
        authors = [value["author"] for value in converted if value.get("author") is not None]
        prefetch_related_objects(authors, "photo__renditions")
        icons = [value["speaker_icon"] for value in converted if value.get("speaker_icon") is not None]
        prefetch_related_objects(icons, "renditions")
        return converted

    def get_searchable_content(self, value):
        return [value.name, *self.child_blocks["text"].get_searchable_content(value.get("text"))]

    class Meta:
        icon = "comment"
        label = _("吹き出し")
        template = "blocks/balloon.html"
        value_class = BalloonValue
        description = _("先生と患者さんの会話を、顔アイコン付きの吹き出しで。")
        preview_value = {
            "speaker_name": "患者さん",
            "position": "right",
            "text": "<p>朝起きたときに腰が重くて、靴下をはくのがつらいんです。</p>",
        }


# ---- よくある質問 -------------------------------------------------------------


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("質問"), max_length=200)
    answer = blocks.RichTextBlock(label=_("回答"), features=LIST_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("タイトル"), required=False, max_length=80)
    items = blocks.ListBlock(FAQItemBlock(), label=_("質問と回答"), min_num=1)

    class Meta:
        icon = "help"
        label = _("よくある質問")
        template = "blocks/faq.html"
        description = _("質問と回答の組。検索エンジンにも「よくある質問」として伝えます。")
        preview_value = {
            "title": "よくある質問",
            "items": [
                {"question": "予約なしでも施術を受けられますか？", "answer": "<p>空きがあれば受けられます。予約の方が優先です。</p>"},
                {"question": "どんな服装で行けばよいですか？", "answer": "<p>動きやすい服装でお越しください。着替えもあります。</p>"},
            ],
        }


def faq_pairs(body):
    """[(question, answer as plain text)] of every FAQ block in a body, in
    order: what the page's FAQPage JSON-LD lists (seo.jsonld.faq_entities)."""
    pairs = []
    for child in body:
        if child.block_type != "faq":
            continue
        for item in child.value["items"]:
            # Stored values are not trusted (security/streams.py): a part missing is a pair left out.
            question = str(item.get("question") or "").strip()
            answer = html.unescape(strip_tags(getattr(item.get("answer"), "source", "") or "")).strip()
            if question and answer:
                pairs.append((question, answer))
    return pairs


# ---- 表 ------------------------------------------------------------------------


@dataclass(frozen=True)
class TableCell:
    text: str
    header: str  # "", "col" or "row": a <th> and its scope
    rowspan: int = 1
    colspan: int = 1


class PriceTableBlock(TableBlock):
    """Wagtail's table, with merged cells, rendered as rows of TableCell so
    the template needs no arithmetic: cells a merge covers are left out."""

    def __init__(self, **kwargs):
        options = {"mergeCells": True, "contextMenu": [
            "row_above", "row_below", "---------", "col_left", "col_right", "---------",
            "remove_row", "remove_col", "---------", "mergeCells", "---------", "undo", "redo",
        ]}
        super().__init__(table_options=options, **kwargs)

    def to_python(self, value):
        """A stored table that is not rows of text is unreadable
        (security.streams shows it as nothing)."""
        if value is not None:
            rows = value.get("data") if isinstance(value, dict) else None
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise ValueError(f"not a table: {value!r}")
        return super().to_python(value)

    def get_searchable_content(self, value):
        """The caption too: readers search for 料金 as much as for a price."""
        caption = (value or {}).get("table_caption") or ""
        return ([caption] if caption else []) + super().get_searchable_content(value)

    def render(self, value, context=None):
        # Block's own render (get_context, then the template), not
        # TableBlock's, which builds its context by hand; an empty table is nothing.
        return blocks.Block.render(self, value, context) if value and value.get("data") else ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["rows"] = table_rows(value)
        raw = repr((value.get("table_caption"), value.get("data")))
        context["table_id"] = "table-" + hashlib.sha256(raw.encode()).hexdigest()[:10]
        return context

    class Meta:
        icon = "table"
        label = _("表（料金表・比較表）")
        template = "blocks/table.html"
        description = _("料金表や比較表。スマートフォンでは横にスクロールして読めます。")
        preview_value = {
            "table_caption": "施術料金（税込）",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [["メニュー", "時間", "料金"], ["整体", "40分", "5,500円"], ["初診料", "—", "1,100円"]],
        }


def _cell_text(cell):
    return "" if cell is None else str(cell).strip()


def table_rows(value):
    """[[TableCell]]: the table's rows with headers marked and merges applied.

    Spans are clipped to the table, and a row or column in which no cell
    begins (all of it merged into cells before it) is left out with the spans
    across it shortened: HTML has no such rows or columns, and a stored span
    (an import, a script) is not trusted to be small."""
    data = value.get("data") or []
    height, width = len(data), max((len(row) for row in data), default=0)
    header_row = bool(value.get("first_row_is_table_header"))
    header_col = bool(value.get("first_col_is_header"))
    spans, covered = {}, set()
    for merge in value.get("mergeCells") or []:
        try:
            row, col, rowspan, colspan = (int(merge[k]) for k in ("row", "col", "rowspan", "colspan"))
        except (KeyError, TypeError, ValueError):
            continue
        if not (0 <= row < height and 0 <= col < width):
            continue
        rowspan, colspan = min(max(rowspan, 1), height - row), min(max(colspan, 1), width - col)
        spans[(row, col)] = (rowspan, colspan)
        covered |= {(r, c) for r in range(row, row + rowspan) for c in range(col, col + colspan)} - {(row, col)}
    begins = {(r, c) for r, row in enumerate(data) for c in range(len(row)) if (r, c) not in covered}
    live_rows, live_cols = {r for r, _ in begins}, {c for _, c in begins}
    rows = []
    for r, row in enumerate(data):
        if r not in live_rows:
            continue
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            text = _cell_text(text)
            header = "col" if header_row and r == 0 else "row" if header_col and c == 0 else ""
            rowspan, colspan = spans.get((r, c), (1, 1))
            rowspan = len(live_rows.intersection(range(r, r + rowspan)))
            colspan = len(live_cols.intersection(range(c, c + colspan)))
            # An empty header (the corner of a two-way table) heads nothing: a plain cell.
            cells.append(TableCell(text, header if text else "", rowspan, colspan))
        rows.append(cells)
    return rows


# ---- トグル and タイムライン ------------------------------------------------------


class ToggleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("見出し（いつも見える部分）"), max_length=120)
    body = blocks.RichTextBlock(label=_("開くと見える内容"), features=LIST_TEXT_FEATURES)

    class Meta:
        icon = "collapse-down"
        label = _("アコーディオン・トグル")
        template = "blocks/toggle.html"
        description = _("読者が開いて読む補足。閉じていてもサイト内検索の対象です。")
        preview_value = {
            "title": "施術のあとに痛みが出たら？",
            "body": "<p>もみ返しのような違和感は1〜2日で引くことが多いです。続くときはご相談ください。</p>",
        }


class TimelineItemBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("日付・番号"), required=False, max_length=40,
                             help_text=_("「1回目」「2026年4月」など。空欄なら番号を振ります。"))
    title = blocks.CharBlock(label=_("見出し"), max_length=120)
    text = blocks.RichTextBlock(label=_("説明"), features=SHORT_TEXT_FEATURES, required=False)


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("タイトル"), required=False, max_length=80)
    items = blocks.ListBlock(TimelineItemBlock(), label=_("できごと"), min_num=1)

    class Meta:
        icon = "date"
        label = _("タイムライン")
        template = "blocks/timeline.html"
        description = _("施術の流れや通院の経過を、日付や番号と一緒に。")
        preview_value = {
            "title": "初めての方の流れ",
            "items": [
                {"label": "1", "title": "問診", "text": "<p>痛む場所や生活のようすをうかがいます。</p>"},
                {"label": "2", "title": "検査と説明", "text": "<p>体の動きを確かめ、施術の方針をお話しします。</p>"},
                {"label": "3", "title": "施術", "text": "<p>40分ほどの施術のあと、自宅でのケアをお伝えします。</p>"},
            ],
        }
