"""Where serving/ meets Wagtail's page serving: each page's response is
handed the tags its type declares (declarations.py), and the values blog
pages keep between requests (blog/kept.py) are kept under theirs."""

from django.core.exceptions import ImproperlyConfigured
from django.template.response import SimpleTemplateResponse
from wagtail import hooks

from blog.kept import HOOK as KEEP_HOOK

from . import declarations, pieces


# Innermost (after Wagtail's view-restriction check, order 0): a password
# form or a login redirect answers for a page and carries nothing.
@hooks.register("on_serve_page", order=100)
def carry_declared_tags(serve_page):
    def serve(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        declared = declarations.for_page(page)
        if declared is None or not declared.cacheable:
            return response  # never kept (tests/serving/test_declarations.py)
        match = getattr(request, "routable_resolver_match", None)
        route = match.url_name if match is not None else None

        def carry(response):
            carried = declared.carries(page, request, route)
            if carried is not None:
                response.cache_tags = frozenset(carried)
                response.cache_expire_at = page.expire_at

        # A template response is rendered later: what its pieces kept is
        # known only then.
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.add_post_render_callback(carry)
        else:
            carry(response)
        return response

    return serve


@hooks.register(KEEP_HOOK)
def keep_value(name, compute, parts, *, request=None, page=None):
    if name not in declarations.KEPT_VALUES:
        raise ImproperlyConfigured(f"Kept value {name!r} has no tags in serving/declarations.py KEPT_VALUES")
    if request is not None and not pieces.may_keep(request, page):
        return compute()
    return pieces.remember(pieces.key(name, *parts), declarations.KEPT_VALUES[name](page), compute)
