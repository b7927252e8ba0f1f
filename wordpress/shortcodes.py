"""WordPress shortcodes and wpautop, turned into plain HTML the walker knows.

`[caption]`, `[embed]`, `[gallery]` and `[youtube]` become the HTML WordPress
would have rendered; any other shortcode keeps its inner text, loses its
markup and is counted, so the report can tell what needs a look.
"""

import re
from html import escape

# WordPress's own get_shortcode_regex(), for any tag name.
SHORTCODE = re.compile(
    r"\[(\[?)([a-z][a-z0-9_-]*)(?![\w-])"
    r"([^\]/]*(?:/(?!\])[^\]/]*)*?)"
    r"(?:(/)\]|\](?:([^\[]*(?:\[(?!/\2\])[^\[]*)*)\[/\2\])?)"
    r"(\]?)",
    re.IGNORECASE,
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
# Cocoon's [blogcard url="…"]: a tag of our own the walker turns into a card.
BLOG_CARD_TAG = "wp-blogcard"
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINKED_IMG = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.IGNORECASE)


def attributes(text):
    return {m[1].lower(): m[2] if m[2] is not None else m[3] if m[3] is not None else m[4] for m in ATTRIBUTE.finditer(text)}


def expand(text, unknown):
    """Replace shortcodes in `text`; unknown(name) counts the ones we drop."""

    def replace(match):
        if match[1] == "[" and match[6] == "]":  # [[escaped]] prints as [escaped]
            return match[0][1:-1]
        name = match[2].lower()
        attrs = attributes(match[3])
        inner = match[5] or ""
        if name in ("caption", "wp_caption"):
            return _caption(attrs, inner, unknown)
        if name in ("embed", "youtube"):
            url = inner.strip() or attrs.get("src", "") or attrs.get("url", "")
            return f'\n\n<p><a href="{escape(url)}">{escape(url)}</a></p>\n\n' if url else ""
        if name == "blogcard":
            url = attrs.get("url", "") or inner.strip()
            return f'\n\n<{BLOG_CARD_TAG} href="{escape(url)}"></{BLOG_CARD_TAG}>\n\n' if url else ""
        if name == "speech_balloon":
            # SWELL's balloon shortcode: its speaker (id) is in the theme's
            # settings, not in the export; its words become a balloon.
            text = expand(inner, unknown)
            return f'\n\n<div class="swell-block-balloon"><div class="c-balloon__text">{text}</div></div>\n\n'
        if name == "gallery":
            ids = [i.strip() for i in attrs.get("ids", attrs.get("include", "")).split(",") if i.strip().isdigit()]
            return "\n\n" + "".join(f'<p><img class="wp-image-{i}" alt=""></p>' for i in ids) + "\n\n"
        unknown(f"[{name}]")
        return expand(inner, unknown)

    return SHORTCODE.sub(replace, text)


def _caption(attrs, inner, unknown):
    image = LINKED_IMG.search(inner)
    caption = attrs.get("caption") or (LINKED_IMG.sub("", inner, count=1) if image else inner)
    caption = expand(caption, unknown).strip()
    img = IMG.search(image[0])[0] if image else ""
    return f"\n\n<figure>{img}<figcaption>{caption}</figcaption></figure>\n\n"


# Block-level tags, as wpautop lists them: never wrapped in <p>.
BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote"
    "|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure"
    "|figcaption|details|menu|summary|" + BLOG_CARD_TAG
)
OPEN_BLOCK = re.compile(rf"(<(?:{BLOCKS})[\s/>])", re.IGNORECASE)
CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCKS})>)", re.IGNORECASE)
STARTS_BLOCK = re.compile(rf"^\s*</?(?:{BLOCKS})[\s/>]", re.IGNORECASE)
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)


def autop(text):
    """WordPress's wpautop, in its essentials: a blank line separates
    paragraphs, a single newline is a <br>, block-level HTML is left alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", "", text)
    if not text.strip():
        return ""
    # Newlines inside <pre> are content; protect them from the rules below.
    pres = []

    def keep_pre(match):
        pres.append(match[0])
        return f"<pre wp-pre-{len(pres) - 1}></pre>"

    text = PRE.sub(keep_pre, text)
    text = OPEN_BLOCK.sub(r"\n\n\1", text)
    text = CLOSE_BLOCK.sub(r"\1\n\n", text)
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if STARTS_BLOCK.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br />\n", chunk) + "</p>")
    text = "\n".join(out)
    return re.sub(r"<pre wp-pre-(\d+)></pre>", lambda m: pres[int(m[1])], text)
