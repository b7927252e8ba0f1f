"""Walking a post's HTML (classic or inside a Gutenberg block) into body blocks.

Headings, paragraphs, lists, images, quotes and YouTube players become the
matching Teate blocks; anything else keeps its text and is counted.
"""

import re
from contextlib import contextmanager

from bs4 import BeautifulSoup, Comment, Tag
from django.utils.html import escape

from blog.video import parse_youtube

from . import shortcodes
from .tables import table_value

DROP = {
    "script", "style", "noscript", "template", "form", "button", "input", "select", "textarea", "object",
    "embed", "svg", "canvas", "head", "meta", "link", "title", "map", "area", "source", "track", "param",
}
CONTAINERS = {"div", "section", "article", "aside", "main", "header", "footer", "center", "nav", "details", "summary",
              "hgroup", "figcaption", "body", "html", "li", "dd", "span", "font"}
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "img", "iframe", "table",
              "pre", "dl", "hr", "div", "section", "article", "aside", "video", "audio", "details", "header", "footer",
              shortcodes.BLOG_CARD_TAG}
LIST_TAGS = {"ul", "ol"}
WP_IMAGE = re.compile(r"\bwp-image-(\d+)\b")
URL_ONLY = re.compile(r"^https?://\S+$")


def youtube(url):
    try:
        return parse_youtube(url)
    except ValueError:
        return None


class HTMLWalker:
    """Turns HTML fragments into blocks on a BodyBuilder.

    `images.find(attachment_id, src)` returns a Wagtail image or None (and
    reports the missing file); `unknown(name)` counts what was not mapped."""

    def __init__(self, builder, images, unknown, video_title):
        self.builder = builder
        self.images = images
        self.unknown = unknown
        self.video_title = video_title
        self.words_only = False  # inside a block already counted as unmapped
        # markup(tag) reads a theme block saved as bare HTML (gutenberg.py sets it).
        self.markup = lambda tag: False

    # Entry points ----------------------------------------------------------

    def classic(self, text):
        """Classic-editor content: shortcodes, then wpautop, then the walk."""
        self.fragment(shortcodes.autop(shortcodes.expand(text, self.unknown)))

    def fragment(self, html):
        soup = BeautifulSoup(html, "html.parser")
        # Scripts and styles carry no words a reader should see.
        for tag in soup.find_all(DROP):
            tag.decompose()
        self.nodes(list(soup.contents))

    @contextmanager
    def muted(self):
        """Inside a block already counted, its inner tags are not counted again."""
        unknown, self.unknown = self.unknown, lambda name: None
        words_only, self.words_only = self.words_only, True
        try:
            yield
        finally:
            self.unknown = unknown
            self.words_only = words_only

    # The walk ----------------------------------------------------------------

    def nodes(self, nodes):
        inline = []
        for node in nodes:
            if isinstance(node, Tag) and (node.name in BLOCK_TAGS or node.name in DROP or self._has_block(node)):
                self._inline(inline)
                inline = []
                self.node(node)
            elif isinstance(node, Comment):
                continue
            else:
                inline.append(node)
        self._inline(inline)

    def _has_block(self, tag):
        return tag.name in CONTAINERS and tag.find(BLOCK_TAGS | DROP) is not None

    def _inline(self, nodes):
        """Loose text and inline tags: one paragraph, unless it is a bare link
        that WordPress would have embedded."""
        html = "".join(str(n) for n in nodes if not isinstance(n, Comment))
        if not html.strip():
            return
        soup = BeautifulSoup(f"<p>{html}</p>", "html.parser")
        self.paragraph(soup.p)

    def node(self, tag):
        name = tag.name
        if name in DROP:
            return
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.builder.heading(int(name[1]), tag.get_text(" ", strip=True))
        elif name == "p":
            self.paragraph(tag)
        elif name in LIST_TAGS:
            self.list(tag)
        elif name == "blockquote":
            self.blockquote(tag)
        elif name == "figure":
            self.figure(tag)
        elif name == "img":
            self.image(tag)
        elif name == "iframe":
            self.iframe(tag)
        elif name == "pre":
            self.builder.text(tag.get_text())
        elif name == "hr":
            return
        elif name == "table" and not self.words_only:
            self.table(tag)
        elif name == "details" and not self.words_only:
            self.details(tag)
        elif name in ("div", "section", "dl") and not self.words_only and self.markup(tag):
            return
        elif name == shortcodes.BLOG_CARD_TAG:
            self.builder.blog_card(tag.get("href", ""))
        elif name in ("table", "dl", "video", "audio"):
            self.unknown(f"<{name}>")
            self.plain(tag)
        elif name in CONTAINERS or name in BLOCK_TAGS:
            self.nodes(list(tag.contents))
        else:
            self.unknown(f"<{name}>")
            self.plain(tag)

    def plain(self, tag):
        """Keep the words of something we cannot show as it was."""
        for row in tag.find_all(["tr", "dt", "dd", "li"]) or [tag]:
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])] or [row.get_text(" ", strip=True)]
            self.builder.text(" ／ ".join(c for c in cells if c))

    def table(self, tag, caption=""):
        value = table_value(tag, caption)
        if value is None:
            self.plain(tag)
        else:
            self.builder.table(value)

    def details(self, tag):
        """<details>/<summary> (core/details, or typed by hand) → a toggle."""
        summary = tag.find("summary")
        title = summary.extract().get_text(" ", strip=True) if summary else ""
        for img in tag.find_all("img"):
            self.image(img.extract())
        self.builder.toggle(title, tag.decode_contents())

    def paragraph(self, tag):
        text = tag.get_text(" ", strip=True)
        if URL_ONLY.match(text) and not tag.find("img"):
            video = youtube(text)
            if video:
                self.builder.video(video, self.video_title)
                return
        for frame in tag.find_all("iframe"):
            self.iframe(frame.extract())
        pictures = [img.extract() for img in tag.find_all("img")]
        for empty_link in tag.find_all("a"):
            if not empty_link.get_text(strip=True):
                empty_link.decompose()
        if tag.get_text(strip=True):
            if URL_ONLY.match(text) and not tag.find("a"):
                self.builder.rich(f'<p><a href="{escape(text)}">{escape(text)}</a></p>')
            else:
                self.builder.rich(str(tag))
        for img in pictures:
            self.image(img)

    def list(self, tag):
        for img in tag.find_all("img"):
            self.image(img.extract())
        if tag.get_text(strip=True):
            self.builder.rich(str(tag))

    def blockquote(self, tag):
        classes = " ".join(tag.get("class", []))
        if "twitter-tweet" in classes or "instagram-media" in classes:
            self.unknown("embed:" + ("twitter" if "twitter" in classes else "instagram"))
            self.plain(tag)
            return
        cite = tag.find(["cite", "footer"])
        source = cite.extract().get_text(" ", strip=True) if cite else ""
        for br in tag.find_all("br"):
            br.replace_with("\n")
        for p in tag.find_all("p"):
            p.insert_after("\n")
        self.builder.quote(tag.get_text(), source)

    def figure(self, tag):
        caption_tag = tag.find("figcaption")
        caption = caption_tag.extract().get_text(" ", strip=True) if caption_tag else ""
        frame = tag.find("iframe")
        if frame is not None:
            self.iframe(frame, caption)
            return
        table = tag.find("table")
        if table is not None and not self.words_only:
            self.table(table, caption)
            return
        img = tag.find("img")
        if img is not None:
            self.image(img, caption)
            return
        text = tag.get_text(" ", strip=True)
        video = youtube(text) if URL_ONLY.match(text) else None
        if video:
            self.builder.video(video, self.video_title, caption)
        else:
            self.nodes(list(tag.contents))

    def image(self, img, caption=""):
        match = WP_IMAGE.search(" ".join(img.get("class", [])))
        image = self.images.find(match[1] if match else None, img.get("src", ""))
        if image is not None:
            self.builder.figure(image, img.get("alt", "").strip(), caption)
        elif caption:
            self.builder.text(caption)

    def iframe(self, frame, caption=""):
        video = youtube(frame.get("src", "") or frame.get("data-src", ""))
        if video:
            self.builder.video(video, frame.get("title", "").strip() or self.video_title, caption)
        else:
            self.unknown("<iframe>")
            if caption:
                self.builder.text(caption)
