"""Tags and their tokens in the shared cache (Redis in production).

A tag names something that can change (tags.py builds them all: a page,
anything listing articles, a category, everything). Each tag has a token in
the cache; purging a tag gives it a new token. Whatever is kept under tags (a whole page: serving/cache.py; a piece
of one or a computed value: pieces.py) remembers the tokens its tags had
when it was stored, and is used only while every one of them is unchanged.
So a purge costs one write per tag however much carries it, and every worker
and machine sharing the cache sees it at once. declarations.py says which tags each page carries and
each change purges.

A token also holds the time of its purge. Something whose making started
before one of its tags was purged may hold the old content; it is not kept
(see `was_purged_since`).
"""

import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

TOKEN_PREFIX = "serving:tag:"
# Caches each process keeps to itself: no purge reaches the other workers.
LOCAL_BACKENDS = (LocMemCache, FileBasedCache)


def store():
    return caches[settings.SERVING_CACHE_ALIAS]


def shared():
    """Whether what is kept here is seen by every process: in one cache per
    process, a publish by another one (the scheduler's) would never reach it.
    Tests and the benchmarks run in one process and allow it."""
    return settings.SERVING_ALLOW_LOCAL_CACHE or not isinstance(store(), LOCAL_BACKENDS)


def _new_token(purged_at):
    return f"{purged_at!r}:{uuid.uuid4().hex[:12]}"


def _purged_at(token):
    """A token the cache could not give (it is down) may have been purged
    at any time."""
    return float("inf") if token is None else float(token.split(":", 1)[0])


def purge(tags):
    """Invalidate everything kept under any of these tags. Returns the tags
    whose purge did not reach the cache (it is down: serving/redis_cache.py)."""
    failed = store().set_many(purge_entries(tags), timeout=None)
    return [key[len(TOKEN_PREFIX) :] for key in failed or ()]


def purge_entries(tags):
    now = time.time()
    return {TOKEN_PREFIX + tag: _new_token(now) for tag in tags}


def current_tokens(tags):
    """The tags' tokens, creating the missing ones (a tag never purged)."""
    cache = store()
    keys = [TOKEN_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # add() keeps a token another worker created meanwhile.
            cache.add(key, _new_token(0.0), timeout=None)
            found[key] = cache.get(key)
    return {key[len(TOKEN_PREFIX) :]: token for key, token in found.items()}


def was_purged_since(tokens, started):
    return any(_purged_at(token) >= started for token in tokens.values())
