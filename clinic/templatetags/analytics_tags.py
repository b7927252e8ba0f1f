"""{% analytics_tags clinic %}: the script tags of the analytics the clinic
switched on, for readers only."""

from django import template

from clinic.analytics import configured_analytics

register = template.Library()


def measured(request):
    """Readers are measured; editors are not. A logged-in user is staff (the
    site has no reader accounts), so their visits would only skew the
    figures, and a preview must never send a draft's address to anyone."""
    if request is None or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


@register.inclusion_tag("components/analytics.html", takes_context=True)
def analytics_tags(context, clinic):
    request = context.get("request")
    services = configured_analytics(clinic) if measured(request) else []
    # The page now loads another origin's script: say so on the request, and
    # site_project.middleware.PageSourcesPolicyMiddleware allows exactly
    # those hosts in this response's Content-Security-Policy.
    for configured in services:
        sources = getattr(request, "csp_sources", {})
        for directive, hosts in configured.service.sources.items():
            listed = sources.setdefault(directive, [])
            listed += [host for host in hosts if host not in listed]
        request.csp_sources = sources
    return {"services": services}
