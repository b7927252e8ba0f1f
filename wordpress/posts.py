"""One WordPress post or page → its fields in Teate: title, slug, dates,
lead and body. Nothing here saves; importer.py decides what to write."""

import hashlib
import html
import json
from dataclasses import asdict
from datetime import datetime, timezone as dt_timezone

from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.models import RESERVED_SLUGS

from .body import BodyBuilder, cut
from .gutenberg import GutenbergReader, is_gutenberg
from .html import HTMLWalker
from .terms import decode_slug

LEAD_LENGTH = 400
NO_DATE = "0000-00-00"


def source_hash(item):
    """What an item looked like, so an unchanged one is skipped next time."""
    data = asdict(item)
    data.pop("comments", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def plain(text):
    """Untrusted HTML → plain text, entities decoded, whitespace collapsed.
    Inline tags add no space (Japanese has none between words)."""
    if not text:
        return ""
    return " ".join(html.unescape(BeautifulSoup(text, "html.parser").get_text()).split())


def title_of(item):
    return cut(plain(item.title), 255) or _("（無題）")


def parse_date(value, *, utc):
    """WordPress's "2024-05-01 09:30:00"; drafts carry 0000-00-00, which is None.
    `post_date_gmt` is UTC; `post_date` is the site's local time."""
    value = (value or "").strip()
    if not value or value.startswith(NO_DATE):
        return None
    try:
        moment = datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if utc:
        return moment.replace(tzinfo=dt_timezone.utc)
    return timezone.make_aware(moment)


def published_at(item):
    return parse_date(item.post_date_gmt, utc=True) or parse_date(item.post_date, utc=False)


def modified_at(item):
    return parse_date(item.post_modified_gmt, utc=True)


def slug_for(item, title, taken):
    """wp:post_name percent-decoded (Japanese kept), else one from the title;
    never a slug the blog's own routes use, never one a sibling has."""
    slug = decode_slug(item.post_name, fallback=title)[:200] or f"post-{item.post_id}"
    if slug in RESERVED_SLUGS:
        slug = f"{slug}-{item.post_id}"
    candidate, n = slug, 1
    while taken(candidate):
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def body_for(item, title, images, links, unknown, kind_needs_body=True):
    """The StreamField body (raw block list) for a post's content."""
    builder = BodyBuilder(links)
    walker = HTMLWalker(builder, images, unknown, video_title=title)
    content = item.content or ""
    if is_gutenberg(content):
        GutenbergReader(walker).read(content)
    else:
        walker.classic(content)
    blocks = builder.finish()
    if not blocks and kind_needs_body:
        # WordPress allows a post with no content; Teate's article needs a
        # body, so it gets its excerpt (or title) as its one paragraph.
        builder.text(plain(item.excerpt) or title)
        blocks = builder.finish()
    return blocks


def lead_for(item, body):
    """The excerpt, else the first paragraph, cut to the field's limit."""
    text = plain(item.excerpt)
    if not text:
        for block in body:
            if block["type"] == "paragraph":
                first = BeautifulSoup(block["value"], "html.parser").find(["p", "li"])
                text = plain(str(first) if first else block["value"])
                break
    return cut(text, LEAD_LENGTH)
