"""Serves anonymous readers from the page cache, and tells browsers and the
proxy how long they may keep each response (docs/serving.md)."""

import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag

from . import cache, declarations, policy, tags as cache_tags, tokens as tag_tokens
from .checks import local_cache_problem

TAGS_HEADER = "X-Cache-Tags"


class PageCacheMiddleware:
    """Place it first, after only ConditionalGetMiddleware (which answers a
    hit's If-None-Match): a hit is answered before any other middleware runs
    (no security headers to compute, no session, no database), and on the way
    out a miss has every header, cookie and `Vary` the others added, so the
    stored page carries them (all but cache.DENIED_HEADERS). Static files
    pass untouched: WhiteNoise serves them and Varnish keeps them.

    What a response carries is declared by its page type or view
    (declarations.py): a page's response is handed its tags as it is
    served (wagtail_hooks.py); a response with none is never kept."""

    def __init__(self, get_response):
        problem = local_cache_problem()
        if problem:
            raise ImproperlyConfigured(problem)
        self.get_response = get_response

    def __call__(self, request):
        if policy.is_static(request.META):
            return self.get_response(request)
        if not policy.request_is_cacheable(request.META):
            return self.private(self.get_response(request))
        use_cache = settings.SERVING_PAGE_CACHE
        if use_cache:
            hit = cache.hit(request.META)
            if hit is not None:
                status, headers, content = hit
                return HttpResponse(content, status=status, headers=dict(headers))
        started = time.time()
        response = self.get_response(request)
        tags = self.carried(request, response)
        if tags is None or not policy.response_is_cacheable(request, response):
            return self.private(response)
        tokens = tag_tokens.current_tokens(tags)
        lifetime = policy.shared_lifetime(response)
        if tag_tokens.was_purged_since(tokens, started) or lifetime <= 0:
            # Rendered from data a publish replaced meanwhile: this reader
            # gets it, no cache keeps it.
            return self.private(response)
        patch_cache_control(
            response,
            public=True,
            max_age=min(lifetime, settings.SERVING_BROWSER_MAX_AGE),
            s_maxage=lifetime,
            stale_while_revalidate=settings.SERVING_STALE_WHILE_REVALIDATE,
        )
        policy.shared_vary(response)
        response[TAGS_HEADER] = cache_tags.header_value(tags)
        set_response_etag(response)
        if use_cache and request.method == "GET":
            cache.store(request.META, response, tokens, lifetime)
        response[cache.STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def carried(request, response):
        """The tags the page's type declared for this response, or those of
        the view that answered; None when neither declares any."""
        found = getattr(response, "cache_tags", None)
        return found if found is not None else declarations.for_view(request)

    @staticmethod
    def private(response):
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        response[cache.STATUS_HEADER] = "pass"
        return response
