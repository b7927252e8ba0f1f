"""Building a StreamField body (blog.blocks.ArticleBodyBlock) block by block.

Everything that becomes rich text passes through Wagtail's own whitelist for
the features the editor allows, so no script, style or unknown attribute from
a WordPress post ever reaches a page.
"""

import uuid
from functools import lru_cache

from bs4 import BeautifulSoup
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from blog.blocks import RICH_TEXT_FEATURES, heading_anchor
from security.html import safe_url, tel_url

NOTE_FEATURES = ["bold", "italic", "link", "ul", "ol"]
HEADING_LENGTH = 120
CAPTION_LENGTH = 200
TITLE_LENGTH = 80
SOURCE_LENGTH = 120
SPEAKER_LENGTH = 80
QUESTION_LENGTH = 255
BUTTON_LENGTH = 80
LABEL_LENGTH = 40
CARD_TITLE_LENGTH = 160


def button_url(href):
    """http(s) with a host, or a tel: number a phone can dial; else ""."""
    href = str(href or "").strip()
    if href[:4].lower() == "tel:":
        return tel_url(href[4:])
    return safe_url(href)


@lru_cache(maxsize=4)
def _converter(features):
    return EditorHTMLConverter(features=list(features))


def clean_rich_text(html, features=RICH_TEXT_FEATURES):
    """Editor HTML → the database format, through Wagtail's whitelist."""
    return _converter(tuple(features)).to_database_format(html).strip()


def has_text(db_html):
    soup = BeautifulSoup(db_html, "html.parser")
    return bool(soup.get_text().strip()) or soup.find("embed") is not None


def cut(text, length):
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1] + "…"


WRAPPERS = ["div", "section", "article", "aside", "span", "figure", "figcaption", "header", "footer", "blockquote"]


def flatten(html):
    """A box's inner HTML as paragraphs and lists only: theme boxes nest
    their text in several <div>s, which rich text would turn into nested <p>."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(WRAPPERS):
        tag.unwrap()
    out, run = [], []
    for node in list(soup.contents):
        if getattr(node, "name", None) in ("p", "ul", "ol", "h2", "h3", "h4", "h5", "h6"):
            out.append(_paragraph(run))
            run = []
            out.append(str(node) if node.name in ("p", "ul", "ol") else f"<p>{node.decode_contents()}</p>")
        else:
            run.append(str(node))
    out.append(_paragraph(run))
    return "".join(out)


def _paragraph(nodes):
    html = "".join(nodes)
    return f"<p>{html}</p>" if BeautifulSoup(html, "html.parser").get_text().strip() else ""


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class BodyBuilder:
    """Collects blocks in reading order. Consecutive paragraphs and lists are
    kept in one rich-text block, as an editor would write them."""

    def __init__(self, links, pages=None):
        # links(soup) rewrites <a href> in place (internal links, uploads);
        # pages(href) is the page an old post URL became, or None.
        self.links = links
        self.pages = pages or (lambda href: None)
        self.blocks = []
        self._rich = []
        self._anchors = set()
        self._h2 = False  # an H2 has been written: an H3 may follow

    def rich(self, html):
        self._rich.append(html)

    def _flush(self):
        if not self._rich:
            return
        html = self.rewrite("".join(self._rich))
        self._rich = []
        db_html = clean_rich_text(html)
        if has_text(db_html):
            self.blocks.append(_block("paragraph", db_html))

    def rewrite(self, html):
        soup = BeautifulSoup(html, "html.parser")
        # Wagtail's converter trusts data-linktype / data-embedtype: from a
        # post they could forge an embed of any URL. Only ours may set them.
        for tag in soup.find_all(True):
            for name in [name for name in tag.attrs if name.lower().startswith("data-")]:
                del tag[name]
        self.links(soup)
        return str(soup)

    def heading(self, level, text):
        text = cut(text, HEADING_LENGTH)
        if not text:
            return
        self._flush()
        anchor = heading_anchor(text)
        unique, n = anchor, 1
        while unique in self._anchors:
            n += 1
            unique = f"{anchor}-{n}"
        self._anchors.add(unique)
        # The page's title is its H1: an H3 before any H2 would leave a gap
        # in the outline (screen readers list it; the HTML checker refuses it).
        level = "h2" if level <= 2 or not self._h2 else "h3"
        self._h2 = True
        self.blocks.append(_block("heading", {"level": level, "text": text, "anchor": "" if unique == anchor else unique}))

    def section_level(self):
        """The level of headings the importer adds (a tab's): H3 under an
        H2, else H2, the same for every tab of a set."""
        return 3 if self._h2 else 2

    def figure(self, image, alt, caption=""):
        self._flush()
        alt = cut(alt or caption or image.title, 255)
        value = {"image": image.pk, "alt_text": alt, "decorative": not alt}
        self.blocks.append(_block("figure", {"image": value, "caption": cut(caption, CAPTION_LENGTH)}))

    def video(self, video, title, caption=""):
        self._flush()
        self.blocks.append(
            _block(
                "video",
                {
                    "video": {"video_id": video.video_id, "start": video.start},
                    "title": cut(title, HEADING_LENGTH) or _("動画"),
                    "caption": cut(caption, CAPTION_LENGTH),
                    "thumbnail": None,
                },
            )
        )

    def quote(self, text, source=""):
        text = "\n".join(line.strip() for line in str(text).strip().splitlines() if line.strip())
        if not text:
            return
        self._flush()
        self.blocks.append(_block("quote", {"quote": text, "source": cut(source, SOURCE_LENGTH)}))

    def note(self, kind, title, html):
        db_html = clean_rich_text(self.rewrite(flatten(html)), NOTE_FEATURES)
        if not has_text(db_html):
            return
        self._flush()
        self.blocks.append(_block("note", {"kind": kind, "title": cut(title, TITLE_LENGTH), "text": db_html}))

    def steps(self, title, steps):
        steps = [{"title": cut(t, HEADING_LENGTH), "text": text.strip()} for t, text in steps if t.strip()]
        if not steps:
            return
        self._flush()
        self.blocks.append(_block("steps", {"title": cut(title, TITLE_LENGTH), "steps": steps}))

    # Theme blocks (themes.py): raw values in the shapes blog.blocks agreed on.

    def _box_text(self, html, features=NOTE_FEATURES):
        return clean_rich_text(self.rewrite(flatten(html)), features)

    def balloon(self, author, name, icon, position, html):
        text = self._box_text(html)
        if not has_text(text):
            return
        self._flush()
        value = {
            "author": author,
            "speaker_name": "" if author else cut(name, SPEAKER_LENGTH),
            "speaker_icon": None if author else icon,
            "position": "right" if position == "right" else "left",
            "text": text,
        }
        self.blocks.append(_block("balloon", value))

    def faq(self, title, pairs):
        """pairs: (question text, answer HTML). Questions that follow one
        another (Cocoon saves one block per question) make one FAQ."""
        items = []
        for question, answer in pairs:
            question, answer = cut(question, QUESTION_LENGTH), self._box_text(answer)
            if question and has_text(answer):
                items.append({"question": question, "answer": answer})
            elif question or has_text(answer):
                self.text(question)
                self.rich(answer)
        if not items:
            return
        self._flush()
        last = self.blocks[-1] if self.blocks else None
        if last is not None and last["type"] == "faq" and not title:
            last["value"]["items"].extend(items)
            return
        self.blocks.append(_block("faq", {"title": cut(title, TITLE_LENGTH), "items": items}))

    def blog_card(self, href, title="", description=""):
        """A card to the page an old post became, else to the URL as typed."""
        page = self.pages(href)
        url = safe_url(href) if page is None else ""
        if page is None and not url:
            self.text(title)
            return
        self._flush()
        if page is not None:
            value = {"page": page, "url": "", "title": "", "description": ""}
        else:
            title = cut(title, CARD_TITLE_LENGTH) or cut(url, CARD_TITLE_LENGTH)
            value = {"page": None, "url": url, "title": title, "description": cut(description, CAPTION_LENGTH)}
        self.blocks.append(_block("blog_card", value))

    def button(self, label, href, style="primary"):
        """Links as the booking bar checks them: http(s), tel, or a page."""
        label = cut(label, BUTTON_LENGTH)
        if not label:
            return
        page = self.pages(href)
        url = "" if page is not None else button_url(href)
        if page is None and not url:
            self.text(label)
            return
        self._flush()
        self.blocks.append(_block("button", {"label": label, "page": page, "url": url, "style": style}))

    def toggle(self, title, html):
        title, body = cut(title, HEADING_LENGTH), self._box_text(html)
        if not has_text(body):
            self.text(title)
            return
        self._flush()
        self.blocks.append(_block("toggle", {"title": title or _("詳しく"), "body": body}))

    def timeline(self, title, steps):
        """steps: (label, title, text HTML)."""
        items = []
        for label, step_title, html in steps:
            text = self._box_text(html)
            step_title = cut(step_title, HEADING_LENGTH)
            if step_title or has_text(text):
                items.append({"label": cut(label, LABEL_LENGTH), "title": step_title or _("ステップ"), "text": text})
        if not items:
            return
        self._flush()
        self.blocks.append(_block("timeline", {"title": cut(title, TITLE_LENGTH), "items": items}))

    def table(self, value):
        if not any(cell for row in value["data"] for cell in row):
            return
        self._flush()
        self.blocks.append(_block("table", value))

    def text(self, text):
        """Plain text kept from something we cannot show as it was."""
        lines = [escape(line.strip()) for line in str(text).splitlines() if line.strip()]
        if lines:
            self.rich("<p>" + "<br/>".join(lines) + "</p>")

    def finish(self):
        self._flush()
        return self.blocks
