"""Gutenberg content (`<!-- wp:… -->` comments) into body blocks.

Core blocks carry ordinary HTML, so most are handed to the HTML walker.
What needs the block's name: embeds (the URL is an attribute), containers
(their children are blocks), and the Japanese themes' blocks (SWELL
`loos/…`, Cocoon `cocoon-blocks/…`), which themes.py maps to Teate's.
"""

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from .html import youtube
from .themes import HANDLERS, balloon, markup_name, note, theme_name

# WordPress's own block delimiter grammar (wp-includes/class-wp-block-parser.php).
DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{(?:(?:[^}]+|\}+(?=\})|(?!\}\s+/?-->).)*)?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)

# What is left of a delimiter the grammar could not read (unclosed, cut
# JSON): never shown to a reader.
STRAY = re.compile(r"<!--\s*/?wp:[^\n]*?(?:-->|(?=\n)|$)")

# Blocks whose HTML the walker reads as it is.
HTML_BLOCKS = {
    "core/paragraph", "core/heading", "core/list", "core/list-item", "core/image", "core/quote", "core/pullquote",
    "core/html", "core/shortcode", "core/freeform", "core/preformatted", "core/code", "core/verse", "core/gallery",
    "core/missing", "core/table", "core/details",
}
# Blocks that only arrange others: their children are read, nothing is lost.
CONTAINER_BLOCKS = {
    "core/group", "core/columns", "core/column", "core/cover", "core/media-text", "core/row", "core/stack",
    "core/block",
}
# Blocks with nothing to read.
SILENT_BLOCKS = {"core/separator", "core/spacer", "core/more", "core/nextpage", "core/table-of-contents"}

# Other themes' and plugins' balloons and boxes, by their names.
BALLOON = re.compile(r"balloon|speech|fukidashi", re.IGNORECASE)
BOX = re.compile(r"(box|cap|alert|memo|point|caution)", re.IGNORECASE)


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
        stack[-1].parts.append(STRAY.sub("", text[position : match.start()]))
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
    stack[-1].parts.append(STRAY.sub("", text[position:]))
    return root.parts


class GutenbergReader:
    def __init__(self, walker, speakers=None):
        self.walker = walker
        self.builder = walker.builder
        self.speakers = speakers or {}  # themes.speaker_key(name) → Author pk
        walker.markup = self.markup

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        # The walker calls back into the reader: unlink them when done, so
        # a post's whole tree is freed at once, not by the cycle collector.
        self.walker.markup = lambda tag: False

    def markup(self, tag):
        """A theme block saved as bare HTML (themes.MARKUP): read as the
        block it is; False when the tag is not one."""
        name = markup_name(tag)
        if name is None:
            return False
        HANDLERS[name](self, Block(name, {}, [str(tag)]))
        return True

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
        handler = HANDLERS.get(theme_name(name))
        if handler is not None:
            handler(self, block)
            return
        if name in HTML_BLOCKS:
            self.walker.classic(block.html()) if name in ("core/shortcode", "core/freeform", "core/html") else self.walker.fragment(block.html())
        elif name == "core/embed" or name.startswith("core-embed/"):
            self.embed(block)
        elif name in CONTAINER_BLOCKS:
            self.parts(block.parts)
        elif not name.startswith("core/") and BALLOON.search(name):
            balloon(self, block)
        elif not name.startswith("core/") and BOX.search(name):
            note(self, block)
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
