"""Site-wide response headers that Django 5.2 does not set by itself
(docs/security.md says what each one is for)."""

from django.conf import settings


def policy_header(policy):
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy and a Permissions-Policy on every
    response: settings.CONTENT_SECURITY_POLICY on the pages readers see,
    settings.ADMIN_CONTENT_SECURITY_POLICY under ADMIN_PATHS, whose editor
    Wagtail builds with inline scripts and styles."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.reader = policy_header(settings.CONTENT_SECURITY_POLICY)
        self.admin = policy_header(settings.ADMIN_CONTENT_SECURITY_POLICY)
        self.admin_paths = tuple(settings.ADMIN_PATHS)
        self.permissions = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        policy = self.admin if request.path.startswith(self.admin_paths) else self.reader
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
