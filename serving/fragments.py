"""Pieces of a page kept in the shared cache between renderings, under the
page cache's rule (cache.py): each piece is stored with the tokens of the
tags of what it shows, and served only while none of them was purged. A
piece whose rendering started before one of its tags was purged is not
kept. So a purge reaches a piece exactly as it reaches the pages showing it.

An article's related articles and previous/next (six queries) are such a
piece: an article's page is rendered again whenever a new article could
enter its related list, and most of those times the list has not changed."""

import hashlib

from django.conf import settings
from django.core.cache import caches

from . import cache
from .checks import LOCAL_BACKENDS

KEY_PREFIX = "serving:fragment:"


def _store():
    return caches[settings.SERVING_CACHE_ALIAS]


def enabled():
    """Only in a cache every process shares (as for the page cache): in one
    kept by each process, a publish by another one (the scheduler's) would
    never reach it. Tests and the benchmark run in one process and allow it."""
    return settings.SERVING_ALLOW_LOCAL_CACHE or not isinstance(_store(), LOCAL_BACKENDS)


def fragment_key(name, request, *parts):
    """One entry per piece, object and site (the host decides which site's
    URLs a piece links with)."""
    digest = hashlib.sha256(repr((request.get_host(), *parts)).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}{name}:{digest}"


def lookup(key):
    """(html, tags) while every tag the piece was stored with is unpurged, else None."""
    entry = _store().get(key)
    if entry is None:
        return None
    html, tokens = entry
    if cache.current_tokens(tokens) != tokens:
        return None
    return html, set(tokens)


def store(key, html, tags, started, lifetime):
    tokens = cache.current_tokens(tags)
    if lifetime > 0 and not cache.was_purged_since(tokens, started):
        _store().set(key, (html, tokens), lifetime)
