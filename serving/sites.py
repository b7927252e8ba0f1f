"""The request's Site and the clinic's settings from the shared cache.

Wagtail looks up the Site for every request, then reads its root page's
specific row to start routing, and every page reads the clinic's settings
(footer, head, booking bar): three queries for rows that change a few
times a year. They are kept here under the `site` tag (serving/pieces.py),
so whatever purges every page (the home page published, a Site or the
clinic's settings saved: signals.py) reaches them as well."""

import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from clinic.models import ClinicSettings
from serving import pieces, tokens

from . import policy


class CachedSiteMiddleware:
    """Hands Wagtail the request's Site, its root page already specific,
    and the clinic's settings, the way `Site.find_for_request` and
    `ClinicSettings.for_request` keep them on the request. Place it before
    anything that asks for the Site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in policy.SAFE_METHODS
            and not request.path.startswith(tuple(settings.SERVING_UNCACHED_PATHS))
            and tokens.shared()
        ):
            found = cached_site(request)
            if found is not None:
                site, clinic = found
                request._wagtail_site = site
                clinic._request = request  # as for_request sets it, for page URLs
                setattr(request, ClinicSettings.get_cache_attr_name(), clinic)
        return self.get_response(request)


def cached_site(request):
    """(site, clinic settings) for the request's host and port, or None
    when no Site answers it (Wagtail then looks again, and 404s)."""
    try:
        host = request.get_host()  # only the allowed hosts get an entry
    except DisallowedHost:
        return None
    key = pieces.key("site", host, request.get_port())
    found = pieces.lookup(key)
    if found is not None:
        return found[0]
    started = time.time()
    site = Site.find_for_request(request)
    if site is None:
        return None
    site.root_page = site.root_page.specific
    found = (site, ClinicSettings.for_site(site))
    pieces.store(key, found, ["site"], started)
    return found
