"""Site-wide response headers that Django 5.2 does not set by itself
(docs/security.md says what each one is for)."""

from django.conf import settings


def policy_header(policy):
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


def widened(policy, extra):
    """The policy with extra sources per directive. A directive the policy
    leaves to default-src starts from default-src's sources, so widening
    connect-src for one host does not take 'self' away."""
    result = {directive: list(sources) for directive, sources in policy.items()}
    for directive, hosts in extra.items():
        listed = result.setdefault(directive, list(policy.get("default-src", [])))
        listed += [host for host in hosts if host not in listed]
    return result


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


class PageSourcesPolicyMiddleware:
    """Sits inside the page cache. When the page just rendered loads another
    origin's script, the template that wrote the tag lists that origin's
    hosts in request.csp_sources (clinic/templatetags/analytics_tags.py);
    this response then gets the readers' policy widened by exactly those
    hosts. The page cache keeps the header with the page, so a cached copy
    is served with the policy written for its own markup, and
    ContentSecurityPolicyMiddleware, outside, leaves it as it is."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_paths = tuple(settings.ADMIN_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        extra = getattr(request, "csp_sources", None)
        if extra and not request.path.startswith(self.admin_paths):
            response.headers["Content-Security-Policy"] = policy_header(
                widened(settings.CONTENT_SECURITY_POLICY, extra)
            )
        return response
