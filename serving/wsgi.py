"""Page-cache hits answered in front of Django (site_project/wsgi.py).

A hit needs nothing Django builds for a request: no `HttpRequest`, no
request signals, no middleware, no response object. This layer asks the
same rules as the middleware (policy.py) of the raw WSGI environ, reads the
page as the middleware does (cache.hit, the one hit path) and hands the stored status,
headers and body to the server; every other request goes on to Django,
whose PageCacheMiddleware renders, stores and also serves hits when this
layer is absent (tests, or another server).

Conditional requests (If-None-Match and the like) go on to Django too:
ConditionalGetMiddleware answers them, from the page cache as well.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name

from . import cache, policy

CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        hit = self.hit(environ)
        if hit is None:
            return self.application(environ, start_response)
        status, headers, content = hit
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [content]

    @staticmethod
    def hit(environ):
        if not settings.SERVING_PAGE_CACHE or any(header in environ for header in CONDITIONAL_HEADERS):
            return None
        meta = request_meta(environ)
        if policy.is_static(meta) or not policy.request_is_cacheable(meta):
            return None
        return cache.hit(meta)


def request_meta(environ):
    """The environ as Django's request.META holds it: the server gives the
    path as Latin-1 text of its bytes, Django decodes them as UTF-8 (the
    middleware's cache keys are made from META)."""
    return {**environ, "PATH_INFO": get_path_info(environ), "SCRIPT_NAME": get_script_name(environ)}
