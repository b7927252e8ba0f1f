"""The app's page cache: whole anonymous responses in the shared cache
(Redis in production), each stored with the *tags* of what it shows
(declarations.py), and served only while none of them was purged
(tokens.py explains tags and tokens).

A hit reads the page and its tags' tokens in one `get_many`: each process
remembers which tags a URL carried when it last saw it (`_known_tags`), so it
can name their tokens before the page is read. Only when the page's tags
differ from what the process remembered (its first read, or a re-render that
gained a tag) does the hit cost a second read.

A response whose rendering started before one of its tags was purged may
hold the old content; it is neither stored here nor offered to the proxy.
"""

import hashlib

from django.conf import settings

from serving.tokens import TOKEN_PREFIX, store as _cache

# Says which way a response came: "hit", "miss" (rendered and stored) or "pass".
STATUS_HEADER = "X-Page-Cache"
PAGE_PREFIX = "serving:page:"
# Headers a cached copy never keeps: every other header the response had
# when stored (those of the middleware listed after the page cache's, which
# a hit skips, included) is replayed as it was. Cookies are one reader's,
# and a stored response has none (policy.response_is_cacheable); the rest
# belong to one connection or one answer, not to the page. `Vary: Cookie`
# is taken off before storing (policy.shared_vary).
DENIED_HEADERS = {
    "set-cookie",
    STATUS_HEADER.lower(),  # the cache's own: "hit" on a hit
    "date",
    "age",
    "connection",
    "keep-alive",
    "transfer-encoding",
}
# How many URLs' tags a process remembers; past that it forgets them all and
# relearns (one extra read per URL), so a crawl of endless query strings
# cannot grow a worker's memory.
KNOWN_TAGS_LIMIT = 10_000
_known_tags = {}


def page_key(environ):
    """One entry per URL as the client asked for it, from the WSGI environ (a
    request's META) so that serving/wsgi.py can look a page up before Django
    builds a request: every value Django reads the scheme, the host, the path
    and the query string from (`request.scheme`, `get_host()`), raw, so two
    requests Django could answer differently never share an entry."""
    proxy_ssl_header = settings.SECURE_PROXY_SSL_HEADER[0] if settings.SECURE_PROXY_SSL_HEADER else None
    url = (
        environ.get("wsgi.url_scheme"),
        environ.get(proxy_ssl_header),
        environ.get("HTTP_X_FORWARDED_HOST") if settings.USE_X_FORWARDED_HOST else None,
        environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}",
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )
    return PAGE_PREFIX + hashlib.sha256(repr(url).encode()).hexdigest()


def hit(environ):
    """(status, [(header, value)…], content) answering this request from the
    page cache, or None: the one hit path of wsgi.py (before Django) and
    middleware.py (inside it). The caller has checked that the request may
    be served from the cache (policy.request_is_cacheable)."""
    found = lookup(environ)
    if found is None:
        return None
    status, headers, content = found
    return status, [*headers.items(), (STATUS_HEADER, "hit")], content


def lookup(environ):
    """(status, headers, content) of the cached page for this request, or
    None when absent or stale."""
    cache = _cache()
    key = page_key(environ)
    known = _known_tags.get(key, [])
    found = cache.get_many([key, *known])
    entry = found.get(key)
    if entry is None:
        return None
    status, headers, content, tokens = entry
    token_keys = [TOKEN_PREFIX + tag for tag in tokens]
    if token_keys != known:
        _remember_tags(key, token_keys)
        missing = [token_key for token_key in token_keys if token_key not in found]
        if missing:
            found.update(cache.get_many(missing))
    if any(found.get(TOKEN_PREFIX + tag) != token for tag, token in tokens.items()):
        return None
    return status, headers, content


def store(environ, response, tokens, timeout):
    headers = {name: value for name, value in response.items() if name.lower() not in DENIED_HEADERS}
    key = page_key(environ)
    _cache().set(key, (response.status_code, headers, response.content, tokens), timeout)
    _remember_tags(key, [TOKEN_PREFIX + tag for tag in tokens])


def _remember_tags(key, token_keys):
    if len(_known_tags) >= KNOWN_TAGS_LIMIT:
        _known_tags.clear()
    _known_tags[key] = token_keys
