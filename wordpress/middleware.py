"""WordPress's query-string links (`/?p=12`, `/?page_id=7`, `/?feed=rss2`) hit the
home page, which exists, so Wagtail's RedirectMiddleware (404s only) never
sees them. This looks them up in the same Redirect table first."""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_QUERY_KEYS = ("p", "page_id", "feed")


class QueryStringRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(key in request.GET for key in WORDPRESS_QUERY_KEYS):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                response_class = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                return response_class(redirect.link)
        return self.get_response(request)
