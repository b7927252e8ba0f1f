"""Step 2 of the import: one WordPress post or page → a Draft, the plain
value of what its Teate page will be (title, slug, dates, lead, body blocks,
terms) and of what it could not settle yet (links to posts further down the
file, a parent page not written yet). Nothing here writes a page; the only
writes on the way are the attachments a post shows, imported once each
(media.py), so that the blocks can name them.
"""

import hashlib
import html
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone as dt_timezone
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.models import RESERVED_SLUGS

from .body import BodyBuilder, cut
from .gutenberg import GutenbergReader, is_gutenberg
from .html import HTMLWalker
from .redirects import old_path
from .scan import host
from .terms import decode_slug

LEAD_LENGTH = 400
NO_DATE = "0000-00-00"


@dataclass(frozen=True)
class Draft:
    kind: str  # "post" or "page"
    wp_id: str
    status: str
    password: str
    parent: str  # the WordPress ID of a page's parent page, or ""
    title: str
    slug: str  # before a clash with a sibling is settled (writers add -2, -3…)
    lead: str
    blocks: tuple  # raw StreamField blocks ({"type", "value", "id"})
    hero_image: object  # image pk or None
    author: str  # login
    categories: tuple  # wxr.Term
    tags: tuple  # wxr.Term
    published: object  # datetime or None
    modified: object  # datetime or None
    digest: str  # what the item looked like, to skip it unchanged next time
    urls: tuple  # its old URLs (link, guid)
    unresolved: frozenset  # WordPress IDs of posts it links to that have no page yet


# Plain values from an item ----------------------------------------------------------


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


def slug_of(item, title):
    """wp:post_name percent-decoded (Japanese kept), else one from the
    title; never a slug the blog's own routes use."""
    slug = decode_slug(item.post_name, fallback=title)[:200] or f"post-{item.post_id}"
    return f"{slug}-{item.post_id}" if slug in RESERVED_SLUGS else slug


def unique_slug(slug, taken):
    """The draft's slug, or slug-2, slug-3… when a sibling has it."""
    candidate, n = slug, 1
    while taken(candidate):
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def lead_for(item, blocks):
    """The excerpt, else the first paragraph, cut to the field's limit."""
    text = plain(item.excerpt)
    if not text:
        for block in blocks:
            if block["type"] == "paragraph":
                first = BeautifulSoup(block["value"], "html.parser").find(["p", "li"])
                text = plain(str(first) if first else block["value"])
                break
    return cut(text, LEAD_LENGTH)


# Links in content ---------------------------------------------------------------------


class Links:
    """Where a link in one post goes now. Made per post: what it could not
    resolve (a post further down the file) is the draft's `unresolved`."""

    def __init__(self, scan, records, media):
        self.scan = scan
        self.records = records
        self.media = media
        self.unresolved = set()

    def rewrite(self, soup):
        """<a href> in place: internal links become Wagtail page links,
        uploads the imported file's URL."""
        for anchor in soup.find_all("a", href=True):
            target = self.target(anchor["href"])
            if isinstance(target, int):
                anchor["data-linktype"] = "page"
                anchor["data-id"] = str(target)
            elif target:
                anchor["href"] = target

    def page(self, href):
        """The page an old post URL became, or None (also when not yet)."""
        target = self.target(href, uploads=False)
        return target if isinstance(target, int) else None

    def target(self, href, uploads=True):
        """A page ID, a new URL, or None to leave the link as it is."""
        try:
            parts = urlsplit(str(href).strip())
        except ValueError:
            return None
        if parts.scheme not in ("", "http", "https") or not (parts.netloc or parts.path.startswith("/")):
            return None
        if parts.netloc and host(parts.netloc) not in self.scan.hosts:
            return None
        if "/wp-content/uploads/" in parts.path:
            return self.media.url_for(href) if uploads else None
        query = parse_qs(parts.query)
        wp_id = (query.get("p") or query.get("page_id") or [None])[0]
        if wp_id is None:
            wp_id = self.scan.paths.get(old_path(unquote(parts.path)))
        entry = self.scan.entries.get(wp_id)
        if entry is None:
            return None
        page_id = self.records.page_id(entry.post_type, wp_id)
        if page_id is None:
            self.unresolved.add(wp_id)
        return page_id


# The plan ------------------------------------------------------------------------------


class Planner:
    """plan(item) → Draft, for the items of one scanned export."""

    def __init__(self, scan, records, media, report, speakers):
        self.scan = scan
        self.records = records
        self.media = media
        self.report = report
        self.speakers = speakers  # themes.speaker_key(author name) → Author pk

    def plan(self, item, *, count_unknown=True):
        """The Draft of a post or page. `count_unknown=False` on a second
        reading (relink): the report has counted its unmapped blocks once."""
        kind = item.post_type
        title = title_of(item)
        links = Links(self.scan, self.records, self.media)
        unknown = self._unknown if count_unknown else (lambda name: None)
        blocks = self.body(item, title, links, unknown, needs_body=kind == "post")
        thumbnail = item.meta.get("_thumbnail_id", "").strip() if kind == "post" else ""
        hero = self.media.find(thumbnail) if thumbnail else None
        return Draft(
            kind=kind,
            wp_id=item.post_id,
            status=item.status,
            password=item.password,
            parent=item.parent if kind == "page" else "",
            title=title,
            slug=slug_of(item, title),
            lead=(lead_for(item, blocks) or title) if kind == "post" else "",
            blocks=tuple(blocks),
            hero_image=hero.pk if hero is not None else None,
            author=item.creator,
            categories=tuple(t for t in item.terms if t.taxonomy == "category"),
            tags=tuple(t for t in item.terms if t.taxonomy == "post_tag"),
            published=parse_date(item.post_date_gmt, utc=True) or parse_date(item.post_date, utc=False),
            modified=parse_date(item.post_modified_gmt, utc=True),
            digest=source_hash(item),
            urls=tuple(dict.fromkeys(url for url in (item.link, item.guid) if url)),
            unresolved=frozenset(links.unresolved),
        )

    def body(self, item, title, links, unknown, needs_body=True):
        """The StreamField body (raw block list) for a post's content."""
        builder = BodyBuilder(links.rewrite, pages=links.page)
        walker = HTMLWalker(builder, self.media, unknown, video_title=title)
        content = item.content or ""
        with GutenbergReader(walker, speakers=self.speakers) as reader:
            if is_gutenberg(content):
                reader.read(content)
            else:
                walker.classic(content)
        blocks = builder.finish()
        if not blocks and needs_body:
            # WordPress allows a post with no content; Teate's article needs a
            # body, so it gets its excerpt (or title) as its one paragraph.
            builder.text(plain(item.excerpt) or title)
            blocks = builder.finish()
        return blocks

    def _unknown(self, name):
        self.report.unknown[name] += 1
