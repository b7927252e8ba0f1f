"""The app's page cache: whole anonymous responses in the shared cache
(Redis in production), each stored with the *tags* of what it shows.

A tag names something that can change: `page-42` (that page, or an article
card of it), `articles` (anything that lists articles), `category-3`,
`tag-7`, `related-any` (see tags.py) and `site` (everything). Each tag has a
token in the cache; purging a tag gives it a new token. An entry remembers the
tokens its tags had when it was stored, and is served only while every one
of them is unchanged, so a purge costs one write per tag however many URLs
carry it, and every worker and machine sharing the cache sees it at once.

A token also holds the time of its purge. A response whose rendering started
before one of its tags was purged may hold the old content; it is neither
stored here nor offered to the proxy (see `was_purged_since`).
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

PAGE_PREFIX = "serving:page:"
TOKEN_PREFIX = "serving:tag:"
# Headers a cached copy keeps; the rest (Set-Cookie above all) never enter the cache.
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "cache-control",
    "etag",
    "last-modified",
    "x-cache-tags",
    "x-robots-tag",
    "vary",
    # Set for a page that loads analytics (site_project/middleware.py): the
    # cached copy keeps the policy its markup needs.
    "content-security-policy",
}


def _cache():
    return caches[settings.SERVING_CACHE_ALIAS]


def _new_token(purged_at):
    return f"{purged_at!r}:{uuid.uuid4().hex[:12]}"


def _purged_at(token):
    return float(token.split(":", 1)[0])


def page_key(request):
    """One entry per absolute URL (scheme, host, path and query string)."""
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PAGE_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def purge(tags):
    """Invalidate every cached page carrying any of these tags."""
    now = time.time()
    _cache().set_many({TOKEN_PREFIX + tag: _new_token(now) for tag in tags}, timeout=None)


def current_tokens(tags):
    """The tags' tokens, creating the missing ones (a tag never purged)."""
    cache = _cache()
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


def lookup(request):
    """The cached response for this request, or None when absent or stale."""
    cache = _cache()
    entry = cache.get(page_key(request))
    if entry is None:
        return None
    status, headers, content, tokens = entry
    current = cache.get_many([TOKEN_PREFIX + tag for tag in tokens])
    if any(current.get(TOKEN_PREFIX + tag) != token for tag, token in tokens.items()):
        return None
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def store(request, response, tokens, timeout):
    headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
    _cache().set(page_key(request), (response.status_code, headers, response.content, tokens), timeout)
