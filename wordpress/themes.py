"""Cocoon's and SWELL's blocks (and core's table, details and buttons) →
Teate's blocks: 吹き出し, よくある質問, ブログカード, 表, ボタン, トグル,
タイムライン and the note box. Each theme's saved markup is read as its
source saves it (docs/wordpress.md lists every block, its older names and
what is lost); the comment's JSON attributes are a fallback for what the
markup lacks. Every handler takes the GutenbergReader and one parsed Block.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from .markup import TITLE_CLASS, attr, classes_of, inner, soup_of, text_of, with_class
from .theme_links import banner_link, button, cocoon_blogcard, cocoon_cta, core_buttons, swell_post_link

# Blocks whose HTML a note can hold as it is (rich text); anything else
# inside a box is written after it as its own block.
RICH_CHILDREN = {"core/paragraph", "core/list", "core/list-item", "core/heading", "core/freeform", "core/quote"}

# The box kinds of blog.blocks.NoteBlock, from a box's name, style and title.
KINDS = (
    ("caution", re.compile(r"alert|warn|caution|danger|bad|\bng\b|-ng\b|attention|注意|警告|危険|禁止", re.I)),
    ("check", re.compile(r"check|\bok\b|-ok\b|good|success|チェック", re.I)),
    ("memo", re.compile(r"memo|blank|sticky|light-box|dark-box|pickup|bookmark|break|download|amazon|メモ", re.I)),
    ("info", re.compile(r"info|question|primary|secondary|comment|hint|tips|supplement|補足|参考|情報|ヒント", re.I)),
)
# Cocoon's tab box says what it is with a class (its label is drawn by CSS).
TAB_LABELS = {
    "bb-check": "チェック", "bb-comment": "補足", "bb-point": "ポイント", "bb-tips": "ヒント", "bb-hint": "ヒント",
    "bb-pickup": "ピックアップ", "bb-bookmark": "ブックマーク", "bb-memo": "メモ", "bb-download": "ダウンロード",
    "bb-break": "ブレイク", "bb-amazon": "Amazon", "bb-ok": "OK", "bb-ng": "NG", "bb-good": "GOOD", "bb-bad": "BAD",
    "bb-profile": "プロフィール",
}
COCOON_SUFFIX = re.compile(r"-\d+$")


def theme_name(name):
    """Cocoon numbers its blocks' versions (balloon-ex-box-1, button-wrap-1):
    every version is read by the same handler."""
    return COCOON_SUFFIX.sub("", name) if name.startswith("cocoon-blocks/") else name


def speaker_key(name):
    """A speaker's name as authors are matched: full-width folded, spaces gone."""
    return "".join(unicodedata.normalize("NFKC", str(name or "")).split()).casefold()


def kind_of(*hints):
    text = " ".join(str(h) for h in hints if h)
    return next((kind for kind, pattern in KINDS if pattern.search(text)), "point")


# Boxes → note ------------------------------------------------------------------------------


def note(reader, block, kind=None, title=None):
    """A box: its own markup and its text children make one note (caption
    title, kind); other blocks inside it (a table, a balloon) follow it."""
    own, later = [], []
    for part in block.parts:
        if isinstance(part, str):
            own.append(part)
        elif part.name in RICH_CHILDREN:
            own.append(part.html())
        else:
            later.append(part)
    soup = soup_of("".join(own))
    title_tag = with_class(soup, TITLE_CLASS)
    found = title_tag.extract().get_text(" ", strip=True) if title_tag else ""
    title = title if title is not None else (found or attr(block, "title", "label", "content"))
    kind = kind or kind_of(block.name, attr(block, "className", "boxStyle", "icon"), classes_of(soup), title)
    for img in soup.find_all("img"):
        reader.walker.image(img.extract())
    reader.builder.note(kind, title, str(soup))
    for child in later:
        reader.block(child)


def cocoon_tab_box(reader, block):
    label = attr(block, "label") or next(
        (cls for cls in classes_of(soup_of(block.html())).split() if cls in TAB_LABELS), "bb-check"
    )
    note(reader, block, kind=kind_of(label), title=TAB_LABELS.get(label, ""))


def cocoon_plain_box(reader, block):
    """blank-box, sticky-box: a framed text with no caption."""
    note(reader, block, kind="memo", title="")


def icon_list(reader, block):
    """Cocoon's icon list: a titled list of points."""
    note(reader, block, kind="check")


# Speech balloons ---------------------------------------------------------------------------


def balloon(reader, block):
    """Cocoon: .speech-name, .speech-icon-image, .speech-balloon, sbp-l/sbp-r.
    SWELL: .c-balloon__iconName, .c-balloon__iconImg, .c-balloon__text,
    -bln-left/-bln-right (or, saved without markup, only attributes)."""
    soup = soup_of(block.html())
    name_tag = with_class(soup, "speech-name", "c-balloon__iconName")
    name = name_tag.extract().get_text(" ", strip=True) if name_tag else ""
    name = name or attr(block, "name", "balloonName")
    icon_tag = with_class(soup, "speech-icon-image", "c-balloon__iconImg") or soup.find("img")
    icon_src = (icon_tag.get("src", "") if icon_tag else "") or attr(block, "icon", "balloonIcon")
    for tag in soup.find_all("img") + soup.find_all(class_=["c-balloon__shapes", "speech-icon", "c-balloon__icon"]):
        tag.decompose()
    classes = " ".join([classes_of(soup), attr(block, "position", "balloonAlign")])
    right = bool(re.search(r"\bsbp-r\b|-bln-right|\bright\b|^r\b", classes))
    text_tag = with_class(soup, "speech-balloon", "c-balloon__text") or soup
    author = reader.speakers.get(speaker_key(name)) if name else None
    icon = None
    if author is None and icon_src:
        image = reader.walker.images.find(url=icon_src)
        icon = image.pk if image is not None else None
    if not name:
        # SWELL's saved speakers (balloonID) live in the theme's own table,
        # which an export does not carry.
        reader.walker.unknown(f"{block.name}（話し手）")
    reader.builder.balloon(author, name or _("話し手"), icon, "right" if right else "left", inner(text_tag))


# Questions, toggles, steps -----------------------------------------------------------------


def cocoon_faq(reader, block):
    soup = soup_of(block.html())
    question = text_of(with_class(soup, "faq-question-content")) or attr(block, "question")
    reader.builder.faq("", [(question, inner(with_class(soup, "faq-answer-content")))])


def swell_faq(reader, block):
    soup = soup_of(block.html())
    pairs = []
    for item in soup.find_all(class_="swell-block-faq__item"):
        question, answer = item.find(class_="faq_q"), item.find(class_="faq_a")
        pairs.append((text_of(question), inner(answer)))
    reader.builder.faq("", pairs)


def cocoon_toggle(reader, block):
    soup = soup_of(block.html())
    title = text_of(with_class(soup, "toggle-button")) or attr(block, "content")
    reader.builder.toggle(title, inner(with_class(soup, "toggle-content")))


def swell_accordion(reader, block):
    soup = soup_of(block.html())
    for item in soup.find_all(class_="swell-block-accordion__item") or soup.find_all("details"):
        label = item.find(class_="swell-block-accordion__label") or item.find("summary")
        title = text_of(label)
        for tag in item.find_all(["summary", "button"]) + item.find_all(class_="swell-block-accordion__icon"):
            tag.decompose()
        body = item.find(class_="swell-block-accordion__body") or item
        reader.builder.toggle(title, inner(body))


def cocoon_timeline(reader, block):
    soup = soup_of(block.html())
    title = text_of(with_class(soup, "timeline-title")) or attr(block, "title")
    steps = [
        (
            text_of(item.find(class_="timeline-item-label")),
            text_of(item.find(class_="timeline-item-title")),
            inner(item.find(class_="timeline-item-snippet")),
        )
        for item in soup.find_all(class_="timeline-item")
    ]
    reader.builder.timeline(title, steps)


def swell_step(reader, block):
    soup = soup_of(block.html())
    steps = []
    for n, item in enumerate(soup.find_all(class_="swell-block-step__item"), 1):
        number = item.find(class_="swell-block-step__number")
        label = " ".join(text_of(number).split()) if number else ""
        if label and not re.search(r"\d", label):
            label = f"{label} {n}"  # SWELL numbers its steps with CSS
        steps.append(
            (label or str(n), text_of(item.find(class_="swell-block-step__title")), inner(item.find(class_="swell-block-step__body")))
        )
    reader.builder.timeline("", steps)


# Tabs → a heading per tab, then its content ----------------------------------------------


def tabs(reader, block):
    """No tab block: each tab becomes a heading (H3 under an H2, else H2)
    and its content, so every panel is read and indexed (docs/wordpress.md)."""
    labels = block.attrs.get("tabLabelsArray") or block.attrs.get("tabHeaders") or []
    if not isinstance(labels, list):
        labels = []
    if not labels:
        soup = soup_of("".join(p for p in block.parts if isinstance(p, str)))
        labels = [text_of(li) for li in soup.find_all("li")]
    level = reader.builder.section_level()
    for n, panel in enumerate(block.children):
        label = soup_of(str(labels[n])).get_text(" ", strip=True) if n < len(labels) else ""
        reader.builder.heading(level, label or _("タブ%(n)d") % {"n": n + 1})
        reader.parts([part for part in panel.parts if not isinstance(part, str)] or panel.parts)


def container(reader, block):
    reader.parts(block.parts)


def words(reader, block):
    """Small decorated text (Cocoon's micro copy): its words, as a paragraph."""
    reader.walker.fragment(block.html())


# The same blocks saved without their comments: classic-editor posts
# (Cocoon's and SWELL's editor buttons insert the HTML), custom HTML blocks.
# A theme class on a <div> names the block it came from. Handlers that
# hand their HTML back to the walker (containers, tabs) are not listed.
MARKUP = (
    ("speech-wrap", "cocoon-blocks/balloon-box"),
    ("swell-block-balloon", "loos/balloon"),
    ("c-balloon", "loos/balloon"),
    ("faq-wrap", "cocoon-blocks/faq"),
    ("swell-block-faq", "loos/faq"),
    ("toggle-wrap", "cocoon-blocks/toggle-box"),
    ("swell-block-accordion", "loos/accordion"),
    ("timeline-box", "cocoon-blocks/timeline"),
    ("swell-block-step", "loos/step"),
    ("bb-tab", "cocoon-blocks/tab-box"),
    ("caption-box", "cocoon-blocks/caption-box"),
    ("tab-caption-box", "cocoon-blocks/tab-caption-box"),
    ("label-box", "cocoon-blocks/label-box"),
    ("iconlist-box", "cocoon-blocks/iconlist-box"),
    ("cap_box", "loos/cap-block"),
    ("swell-block-capbox", "loos/cap-block"),
    ("blank-box", "cocoon-blocks/blank-box"),
    ("sticky-box", "cocoon-blocks/sticky-box"),
    ("swell-block-button", "loos/button"),
    ("btn-wrap", "cocoon-blocks/button-wrap"),
) + tuple(
    (f"{style}-box", "cocoon-blocks/info-box")
    for style in ("primary", "secondary", "info", "success", "warning", "danger", "light", "dark", "information",
                  "question", "alert", "memo", "comment", "ok", "ng", "good", "bad", "profile")
)


def markup_name(tag):
    """The theme block a tag's classes say it is, or None."""
    classes = tag.get("class") or []
    return next((name for cls, name in MARKUP if cls in classes), None)


HANDLERS = {
    "cocoon-blocks/balloon-box": balloon,
    "cocoon-blocks/balloon-ex-box": balloon,
    "cocoon-blocks/faq": cocoon_faq,
    "cocoon-blocks/blogcard": cocoon_blogcard,
    "cocoon-blocks/toggle-box": cocoon_toggle,
    "cocoon-blocks/tab-box": cocoon_tab_box,
    "cocoon-blocks/caption-box": note,
    "cocoon-blocks/tab-caption-box": note,
    "cocoon-blocks/label-box": note,
    "cocoon-blocks/info-box": note,
    "cocoon-blocks/icon-box": note,
    "cocoon-blocks/blank-box": cocoon_plain_box,
    "cocoon-blocks/sticky-box": cocoon_plain_box,
    "cocoon-blocks/button": button,
    "cocoon-blocks/button-wrap": button,
    "cocoon-blocks/timeline": cocoon_timeline,
    "cocoon-blocks/iconlist-box": icon_list,
    "cocoon-blocks/icon-list": icon_list,
    "cocoon-blocks/comparison-box": container,
    "cocoon-blocks/comparison-left": container,
    "cocoon-blocks/comparison-right": container,
    "cocoon-blocks/cta": cocoon_cta,
    "cocoon-blocks/tab": tabs,
    "cocoon-blocks/column-2": container,
    "cocoon-blocks/column-3": container,
    "cocoon-blocks/column-left": container,
    "cocoon-blocks/column-center": container,
    "cocoon-blocks/column-right": container,
    "cocoon-blocks/micro-balloon": words,
    "cocoon-blocks/micro-text": words,
    "loos/balloon": balloon,
    "loos/faq": swell_faq,
    "loos/post-link": swell_post_link,
    "loos/cap-block": note,
    "loos/accordion": swell_accordion,
    "loos/tab": tabs,
    "loos/step": swell_step,
    "loos/button": button,
    "loos/full-wide": container,
    "loos/banner-link": banner_link,
    "core/buttons": core_buttons,
    "core/button": button,
}
