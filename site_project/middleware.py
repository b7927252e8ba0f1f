"""Site-wide response headers that Django 5.2 does not set by itself."""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sends settings.CONTENT_SECURITY_POLICY on every page readers see.

    The Wagtail admin builds its editor with inline scripts and styles, so
    the paths in CONTENT_SECURITY_POLICY_EXEMPT keep the browser's defaults.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = "; ".join(
            " ".join([directive, *sources]) for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )
        self.exempt = tuple(settings.CONTENT_SECURITY_POLICY_EXEMPT)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and not request.path.startswith(self.exempt):
            response.headers.setdefault("Content-Security-Policy", self.header)
        return response
