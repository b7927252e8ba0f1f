"""Gutenberg content (`<!-- wp:… -->` comments) into body blocks.

Core blocks carry ordinary HTML, so most are handed to the HTML walker.
What needs the block's name: embeds (the URL is an attribute), containers
(their children are blocks), and the Japanese themes' boxes and speech
balloons (SWELL `loos/…`, Cocoon `cocoon-blocks/…`), which become notes and
quotes.
"""

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from .html import youtube

# WordPress's own block delimiter grammar (wp-includes/class-wp-block-parser.php).
DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*)?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)

# Blocks whose HTML the walker reads as it is.
HTML_BLOCKS = {
    "core/paragraph", "core/heading", "core/list", "core/list-item", "core/image", "core/quote", "core/pullquote",
    "core/html", "core/shortcode", "core/freeform", "core/preformatted", "core/code", "core/verse", "core/gallery",
    "core/missing",
}
# Blocks that only arrange others: their children are read, nothing is lost.
CONTAINER_BLOCKS = {
    "core/group", "core/columns", "core/column", "core/cover", "core/media-text", "core/details", "core/row",
    "core/stack", "core/buttons", "core/button", "core/block",
}
# Blocks with nothing to read.
SILENT_BLOCKS = {"core/separator", "core/spacer", "core/more", "core/nextpage", "core/table-of-contents"}

BALLOON = re.compile(r"balloon|speech|fukidashi", re.IGNORECASE)
BOX = re.compile(r"(box|cap|alert|memo|point|caution)", re.IGNORECASE)
CAUTION = re.compile(r"alert|warn|caution|danger|bad|attention|注意|警告|危険|禁止", re.IGNORECASE)
INFO = re.compile(r"info|memo|hint|question|supplement|primary|blank|補足|メモ|参考|情報", re.IGNORECASE)
# cap_box_ttl, caption-box-label, box-title…, but not a style variant such as is-style-onborder_ttl.
TITLE_CLASS = re.compile(r"^(?!is-style-).*(?:^|[_-])(?:ttl|title|label)$", re.IGNORECASE)
NAME_CLASS = re.compile(r"name", re.IGNORECASE)
TEXT_CLASS = re.compile(r"balloon__text|speech-balloon|balloon-text|c-balloon__body|__text", re.IGNORECASE)


@dataclass
class Block:
    name: str
    attrs: dict
    parts: list = field(default_factory=list)  # str and Block, in order

    @property
    def children(self):
        return [part for part in self.parts if isinstance(part, Block)]

    def html(self):
        return "".join(part if isinstance(part, str) else part.html() for part in self.parts)


def is_gutenberg(text):
    return "<!-- wp:" in text


def parse(text):
    """The block tree, as a list of top-level str (freeform HTML) and Block."""
    root = Block("", {})
    stack = [root]
    position = 0
    for match in DELIMITER.finditer(text):
        stack[-1].parts.append(text[position : match.start()])
        position = match.end()
        name = (match["namespace"] or "core/") + match["name"]
        if match["closer"]:
            # Close the matching block; stray closers are ignored.
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].name == name:
                    del stack[depth:]
                    break
            continue
        try:
            attrs = json.loads(match["attrs"]) if match["attrs"] else {}
        except ValueError:
            attrs = {}
        block = Block(name, attrs if isinstance(attrs, dict) else {})
        stack[-1].parts.append(block)
        if not match["void"]:
            stack.append(block)
    stack[-1].parts.append(text[position:])
    return root.parts


def with_class(soup, pattern):
    """The first element one of whose classes matches (bs4's own class_
    search also tries the whole class string, which matches too much)."""
    for tag in soup.find_all(class_=True):
        if any(pattern.search(name) for name in tag.get("class", [])):
            return tag
    return None


class GutenbergReader:
    def __init__(self, walker, speakers=None):
        self.walker = walker
        self.builder = walker.builder
        self.speakers = speakers or {}  # plan.speaker_key(name) → Author pk

    def read(self, text):
        self.parts(parse(text))

    def parts(self, parts):
        for part in parts:
            if isinstance(part, str):
                if part.strip():
                    self.walker.classic(part)
            else:
                self.block(part)

    def block(self, block):
        name = block.name
        if name in SILENT_BLOCKS:
            return
        if name in HTML_BLOCKS:
            self.walker.classic(block.html()) if name in ("core/shortcode", "core/freeform", "core/html") else self.walker.fragment(block.html())
        elif name == "core/embed" or name.startswith("core-embed/"):
            self.embed(block)
        elif name in CONTAINER_BLOCKS:
            self.parts(block.parts)
        elif not name.startswith("core/") and BALLOON.search(name):
            self.balloon(block)
        elif not name.startswith("core/") and (BOX.search(name) or name == "loos/cap-block"):
            self.box(block)
        else:
            self.walker.unknown(name)
            if block.children:
                self.parts(block.parts)
            else:
                with self.walker.muted():
                    self.walker.fragment(block.html())

    def embed(self, block):
        url = str(block.attrs.get("url") or "").strip()
        if not url:
            url = BeautifulSoup(block.html(), "html.parser").get_text(" ", strip=True)
        soup = BeautifulSoup(block.html(), "html.parser")
        caption_tag = soup.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        video = youtube(url)
        if video:
            self.builder.video(video, self.walker.video_title, caption)
            return
        provider = block.attrs.get("providerNameSlug") or block.name.split("/")[-1]
        self.walker.unknown(f"core/embed ({provider})")
        if url:
            self.walker.fragment(f'<p><a href="{url}">{url}</a></p>')

    def box(self, block):
        soup = BeautifulSoup(block.html(), "html.parser")
        title_tag = with_class(soup, TITLE_CLASS)
        title = title_tag.extract().get_text(" ", strip=True) if title_tag else ""
        title = title or str(block.attrs.get("title") or block.attrs.get("label") or "")
        classes = " ".join([block.name, title] + [" ".join(tag.get("class", [])) for tag in soup.find_all(class_=True)[:2]])
        kind = "caution" if CAUTION.search(classes) else "info" if INFO.search(classes) else "point"
        for img in soup.find_all("img"):
            self.walker.image(img.extract())
        self.builder.note(kind, title, str(soup))

    def balloon(self, block):
        soup = BeautifulSoup(block.html(), "html.parser")
        name_tag = with_class(soup, NAME_CLASS)
        speaker = name_tag.extract().get_text(" ", strip=True) if name_tag else ""
        speaker = speaker or str(block.attrs.get("name") or "")
        for img in soup.find_all("img"):
            img.decompose()
        text_tag = with_class(soup, TEXT_CLASS) or soup
        for br in text_tag.find_all("br"):
            br.replace_with("\n")
        for p in text_tag.find_all("p"):
            p.insert_after("\n")
        self.builder.quote(text_tag.get_text(), speaker)
