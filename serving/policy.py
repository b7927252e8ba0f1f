"""What may be cached, and for how long: the rules that keep one reader's
page from reaching another. Each rule answers a pitfall Wagtail sites hit
with Django's own cache middleware (docs/serving.md, "What is never cached")."""

from datetime import timedelta

from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils import timezone
from django.utils.cache import cc_delim_re

SAFE_METHODS = ("GET", "HEAD")


def request_is_cacheable(environ):
    """Anonymous reads of reader pages. Decided from the WSGI environ (a
    request's META) alone, before any session is loaded or even a request
    built (serving/wsgi.py), the way the proxy decides
    (deploy/varnish/teate.vcl): a session cookie means a logged-in editor, or
    a reader who unlocked a password-protected page, and either may see
    something personal."""
    if environ.get("REQUEST_METHOD") not in SAFE_METHODS:
        return False
    if "HTTP_AUTHORIZATION" in environ:
        return False
    cookies = parse_cookie(environ["HTTP_COOKIE"]) if "HTTP_COOKIE" in environ else {}
    if any(name in cookies for name in personal_cookies()):
        return False
    return not request_path(environ).startswith(tuple(settings.SERVING_UNCACHED_PATHS))


def is_static(environ):
    """Static files are WhiteNoise's (with their own Cache-Control), and the
    proxy keeps them: the page cache neither looks them up nor marks them."""
    return request_path(environ).startswith(settings.STATIC_URL)


def request_path(environ):
    """`request.path` as far as a prefix test needs it: percent-decoded by
    the server, the script name in front."""
    return environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")


def personal_cookies():
    """Cookies that can make a page personal: the session (a login, or an
    unlocked password page) and flash messages."""
    return (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME if settings.CSRF_USE_SESSIONS else "", "messages")


def response_is_cacheable(request, response):
    """Only complete pages that are the same for everyone: a 200 that sets no
    cookie, used no CSRF token and that nobody marked private. Wagtail's
    password form carries a CSRF token and a login-restricted page
    redirects, so neither is ever stored.

    `Vary: Cookie` alone does not forbid it: Django adds it whenever a
    template asks for `request.user` (Wagtail's user bar does), even for a
    request with no cookie at all. The request was already checked for
    personal cookies, so such a page is the anonymous page; Django's own
    cache middleware would instead key it on the whole Cookie header and
    keep one copy per visitor (see `shared_vary`)."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    if getattr(request, "is_preview", False):
        return False
    if "*" in response.get("Vary", ""):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def shared_lifetime(response):
    """Seconds a shared cache may keep the page: the configured lifetime, cut
    short so that a page with an expiry date is never served after it."""
    lifetime = settings.SERVING_SHARED_MAX_AGE
    expire_at = getattr(response, "cache_expire_at", None)  # a page's (wagtail_hooks.py)
    if expire_at is not None:
        left = (expire_at - timezone.now()) // timedelta(seconds=1)
        lifetime = max(0, min(lifetime, left))
    return lifetime


def shared_vary(response):
    """The response's Vary without Cookie (see response_is_cacheable)."""
    kept = [v.strip() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip() and v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
