"""Pieces of pages, and values computed for them, kept in the shared cache
between renderings under the rule of tokens.py: each is stored with the
tokens of the tags of what it shows, and used only while none of them was
purged. One whose making started before one of its tags was purged is not
kept. So a purge reaches a piece exactly as it reaches the pages showing it.

Uses: an article's own content, breadcrumbs, related and previous/next
links and its card in a listing (serving/templatetags/serving_fragments.py)
and its head values (ArticlePage.seo_meta); the request's Site, clinic
settings (serving/sites.py) and blog (BlogIndexPage.for_request); and counts
over every readable article, which grow with the blog (blog/pagination.py,
blog/indexes.py, blog/sitemaps.py). Blog asks for its values through
blog/kept.py, answered by wagtail_hooks.py; the tags of each are declared
in declarations.py.

Values are pickled: one made before a deploy that changed a model's fields
may be read after it, until its tags are purged or its lifetime ends.
"""

import hashlib
import time

from django.conf import settings

from . import tokens

KEY_PREFIX = "serving:fragment:"


def key(name, *parts):
    """One entry per kind of piece and whatever else tells two apart."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}{name}:{digest}"


def may_keep(request, page=None):
    """Whether what this request renders may be read from or kept here: never
    a preview (a draft), nor a page that is not live."""
    return not getattr(request, "is_preview", False) and (page is None or page.live)


def lookup(entry_key):
    """(value, tags) while every tag it was stored with is unpurged, else None."""
    return lookup_many([entry_key]).get(entry_key)


def lookup_many(entry_keys):
    """{key: (value, tags)} of those of `entry_keys` whose tags are all
    unpurged, in two reads of the cache however many keys."""
    if not tokens.shared() or not entry_keys:
        return {}
    entries = tokens.store().get_many(entry_keys)
    current = tokens.current_tokens({tag for _value, kept in entries.values() for tag in kept})
    return {
        entry_key: (value, set(kept))
        for entry_key, (value, kept) in entries.items()
        if all(current.get(tag) == token for tag, token in kept.items())
    }


def store(entry_key, value, tags, started, lifetime=None):
    """Keep `value` under `tags` for `lifetime` seconds (the page cache's by
    default), unless one of them was purged since `started` (time.time())."""
    lifetime = settings.SERVING_SHARED_MAX_AGE if lifetime is None else lifetime
    if not tokens.shared() or lifetime <= 0:
        return
    current = tokens.current_tokens(tags)
    if not tokens.was_purged_since(current, started):
        tokens.store().set(entry_key, (value, current), lifetime)


def remember(entry_key, tags, compute):
    """compute()'s value, from the cache while its tags are unpurged."""
    found = lookup(entry_key)
    if found is not None:
        return found[0]
    started = time.time()
    value = compute()
    store(entry_key, value, tags, started)
    return value
