"""Step 1 of the import: read the whole export once, writing nothing.

A hostile or broken file is refused here (wxr.WXRError), before the
database is even looked at. What the later steps need is returned as one
frozen value: the channel, its authors and terms, where each attachment's
file is, and which old URL is which post. It stays small (IDs, paths,
slugs): the posts' contents are read again, one at a time, by the import.
"""

from dataclasses import dataclass
from types import MappingProxyType
from urllib.parse import unquote, urlsplit

from . import wxr
from .media import Attachment, attachment_path
from .redirects import old_path

SKIPPED_STATUSES = frozenset({"trash", "auto-draft", "inherit"})


@dataclass(frozen=True)
class Entry:
    """A post or page the import will write."""

    post_type: str
    parent: str


@dataclass(frozen=True)
class Scan:
    channel: wxr.Channel
    source: str  # the exported site, as the records name it
    hosts: frozenset  # the old site's host names (no www.)
    prefix: str  # the old blog's path, for its feed and archive URLs
    authors: MappingProxyType  # login → wxr.Author
    terms: tuple  # wxr.Term, channel's and items' own, once each
    attachments: MappingProxyType  # WordPress ID → media.Attachment
    entries: MappingProxyType  # WordPress ID → Entry
    paths: MappingProxyType  # old path (decoded) → WordPress ID
    total: int  # items, for the progress bar


def host(netloc):
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


def scan(path):
    """The frozen Scan of the export at `path`; raises wxr.WXRError."""
    channel = wxr.Channel()
    authors, terms, attachments, entries, paths = {}, {}, {}, {}, {}
    total = 0
    for kind, obj in wxr.read(path, channel):
        if kind == "author":
            authors[obj.login] = obj
        elif kind == "term":
            terms.setdefault((obj.taxonomy, obj.slug), obj)
            continue
        else:
            total += 1
            if obj.post_type == "attachment":
                attachments[obj.post_id] = Attachment(
                    obj.post_id, attachment_path(obj), obj.title, obj.meta.get("_wp_attachment_image_alt", "")
                )
            elif obj.post_type in ("post", "page") and obj.status not in SKIPPED_STATUSES and obj.post_id:
                entries[obj.post_id] = Entry(obj.post_type, obj.parent)
                for url in (obj.link, obj.guid):
                    old = old_path(unquote(urlsplit(url).path)) if url else None
                    if old and old != "/":
                        paths.setdefault(old, obj.post_id)
            for term in obj.terms:
                terms.setdefault((term.taxonomy, term.slug), term)
    channel = wxr.Channel(**vars(channel))
    source = channel.base_blog_url or channel.link or channel.base_site_url or getattr(path, "name", str(path))
    return Scan(
        channel=channel,
        source=source.split("://", 1)[-1].rstrip("/")[:255],
        hosts=frozenset(
            host(urlsplit(url).netloc)
            for url in (channel.link, channel.base_site_url, channel.base_blog_url)
            if url
        ),
        prefix=urlsplit(channel.link or channel.base_blog_url).path.rstrip("/"),
        authors=MappingProxyType(authors),
        terms=tuple(terms.values()),
        attachments=MappingProxyType(attachments),
        entries=MappingProxyType(entries),
        paths=MappingProxyType(paths),
        total=total,
    )
