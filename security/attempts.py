"""Attempts per address in the shared cache: how the page passwords
(throttle.py) and the contact form (contact/spam.py) limit a stranger who
posts many times. Importable while models load (it needs no Wagtail view)."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The reader's address. Behind TEATE_TRUSTED_PROXY_COUNT proxies it is
    the address the outermost of them saw (X-Forwarded-For, counted from the
    right, so a client cannot choose it); with none, the socket's."""
    proxies = settings.TEATE_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def attempts_key(scope, request):
    return f"teate:{scope}:{client_ip(request)}"


def over_limit(scope, request, limit):
    """Whether this address has used up its `limit` attempts in `scope`."""
    return cache.get(attempts_key(scope, request), 0) >= limit


def note_attempt(scope, request, window):
    """Count one attempt; the count starts its `window` (seconds) at the first."""
    key = attempts_key(scope, request)
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt starts a new window
        cache.add(key, 1, timeout=window)
