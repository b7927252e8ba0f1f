"""Reading a WordPress export (WXR 1.0–1.2) as a stream.

The file is untrusted and may be large, so it is never loaded whole: items
are handed out one at a time and dropped from the tree afterwards, and the
parser refuses any DOCTYPE (so no entity expansion, internal or external).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext_lazy as _

# Bytes XML 1.0 forbids but real exports contain (pasted from Word, old
# plugins). They never occur inside a UTF-8 multibyte sequence, so they can be
# dropped byte by byte without decoding.
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))

NOT_WXR = _("WordPressのエクスポートファイル（WXR）ではありません。「ツール → エクスポート」で作ったXMLファイルを指定してください。")
EMPTY = _("ファイルが空です。")
DTD = _("DOCTYPE（エンティティ定義）を含むファイルは安全のため読み込みません。")
BROKEN = _("XMLとして読み込めません（%(detail)s）。ファイルが壊れているか、途中で切れています。")


class WXRError(Exception):
    """The file is refused; the message tells the user why, in Japanese."""


@lru_cache(maxsize=256)
def short_name(tag):
    """`{http(s)://wordpress.org/export/1.x/}post_id` → `wp:post_id`, whatever
    the WXR version or scheme; unknown namespaces keep their URI."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    bare = uri.split("://", 1)[-1].rstrip("/")
    if bare.startswith("wordpress.org/export/"):
        prefix = "excerpt" if bare.endswith("/excerpt") else "wp"
    elif bare == "purl.org/rss/1.0/modules/content":
        prefix = "content"
    elif bare == "purl.org/dc/elements/1.1":
        prefix = "dc"
    elif bare == "wellformedweb.org/CommentAPI":
        prefix = "wfw"
    else:
        return tag
    return f"{prefix}:{local}"


class _CleanStream:
    """A binary file that drops XML-invalid control bytes as it is read."""

    def __init__(self, raw):
        self.raw = raw
        self.size = 0

    def read(self, n=-1):
        chunk = self.raw.read(n)
        self.size += len(chunk)
        return chunk.translate(None, CONTROL_BYTES)


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str  # as exported: often percent-encoded
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Item:
    """One <item>: a post, page, attachment, menu item or anything else."""

    post_id: str = ""
    post_type: str = ""
    status: str = ""
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    post_modified_gmt: str = ""
    parent: str = ""
    menu_order: str = ""
    password: str = ""
    attachment_url: str = ""
    meta: dict = field(default_factory=dict)
    terms: list = field(default_factory=list)
    comments: int = 0


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


def _text(element):
    return (element.text or "").strip()


def _raw(element):
    return element.text or ""


ITEM_FIELDS = {
    "title": ("title", _text),
    "link": ("link", _text),
    "guid": ("guid", _text),
    "dc:creator": ("creator", _text),
    "content:encoded": ("content", _raw),
    "excerpt:encoded": ("excerpt", _raw),
    "wp:post_id": ("post_id", _text),
    "wp:post_type": ("post_type", _text),
    "wp:status": ("status", _text),
    "wp:post_name": ("post_name", _text),
    "wp:post_date": ("post_date", _text),
    "wp:post_date_gmt": ("post_date_gmt", _text),
    "wp:post_modified_gmt": ("post_modified_gmt", _text),
    "wp:post_parent": ("parent", _text),
    "wp:menu_order": ("menu_order", _text),
    "wp:post_password": ("password", _raw),
    "wp:attachment_url": ("attachment_url", _text),
}


def _item(element):
    item = Item()
    for child in element:
        name = short_name(child.tag)
        if name in ITEM_FIELDS:
            attr, read = ITEM_FIELDS[name]
            setattr(item, attr, read(child))
        elif name == "category":
            # WXR 1.0 called tags "tag"; its domain-less <category> repeats the others.
            domain = {"tag": "post_tag"}.get(child.get("domain", ""), child.get("domain", ""))
            if domain in ("category", "post_tag"):
                item.terms.append(Term(domain, child.get("nicename", ""), _text(child)))
        elif name == "wp:postmeta":
            key = value = ""
            for part in child:
                part_name = short_name(part.tag)
                if part_name == "wp:meta_key":
                    key = _text(part)
                elif part_name == "wp:meta_value":
                    value = _raw(part)
            if key:
                item.meta[key] = value
        elif name == "wp:comment":
            item.comments += 1
    return item


def _children(element):
    return {short_name(child.tag): _raw(child) for child in element}


def _term(element, taxonomy):
    values = _children(element)
    if taxonomy == "category":
        return Term("category", values.get("wp:category_nicename", "").strip(), values.get("wp:cat_name", "").strip(),
                    values.get("wp:category_parent", "").strip(), values.get("wp:category_description", "").strip())
    if taxonomy == "post_tag":
        return Term("post_tag", values.get("wp:tag_slug", "").strip(), values.get("wp:tag_name", "").strip(),
                    "", values.get("wp:tag_description", "").strip())
    if values.get("wp:term_taxonomy", "").strip() in ("category", "post_tag"):
        return Term(values["wp:term_taxonomy"].strip(), values.get("wp:term_slug", "").strip(),
                    values.get("wp:term_name", "").strip(), values.get("wp:term_parent", "").strip(),
                    values.get("wp:term_description", "").strip())
    return None


def _author(element):
    values = {key: value.strip() for key, value in _children(element).items()}
    return Author(
        login=values.get("wp:author_login", ""),
        display_name=values.get("wp:author_display_name", ""),
        email=values.get("wp:author_email", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
    )


CHANNEL_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}


def read(path, channel=None):
    """Yield ("author", Author), ("term", Term) and ("item", Item) in file
    order. `channel` (a Channel) is filled in as its fields go by.

    Raises WXRError for anything that is not a well-formed, DTD-free WXR
    file; callers that must write nothing read the whole file once first.
    """
    channel = channel if channel is not None else Channel()
    with open(path, "rb") as raw:
        stream = _CleanStream(raw)
        depth = 0
        channel_element = None
        seen_wp = False
        try:
            for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    depth += 1
                    if depth == 1 and element.tag != "rss":
                        raise WXRError(NOT_WXR)
                    if depth == 2 and element.tag == "channel":
                        channel_element = element
                    continue
                depth -= 1
                if depth != 2 or channel_element is None:
                    continue
                name = short_name(element.tag)
                seen_wp = seen_wp or name.startswith("wp:")
                if name == "item":
                    yield "item", _item(element)
                elif name == "wp:author":
                    yield "author", _author(element)
                elif name in ("wp:category", "wp:tag", "wp:term"):
                    term = _term(element, {"wp:category": "category", "wp:tag": "post_tag"}.get(name))
                    if term is not None:
                        yield "term", term
                elif name in CHANNEL_FIELDS:
                    setattr(channel, CHANNEL_FIELDS[name], _text(element))
                # Drop what has been handed out, so memory stays flat.
                channel_element.remove(element)
        except DefusedXmlException:
            raise WXRError(DTD) from None
        except ParseError as error:
            if stream.size == 0:
                raise WXRError(EMPTY) from None
            detail = re.sub(r"^.*?: ", "", str(error))
            raise WXRError(BROKEN % {"detail": detail}) from None
    if channel_element is None or not (seen_wp or channel.wxr_version):
        raise WXRError(NOT_WXR)
