"""Values blog pages compute over many rows (a listing's length, the
counts per category or author, the newest date) or look up on every
request (the blog itself): another app may keep them between requests.
serving/ does, through the Wagtail hook `teate_keep_value`
(serving/wagtail_hooks.py), under the tags serving/declarations.py gives
each name, so blog knows nothing of any cache. With no hook registered,
each value is computed afresh."""

from wagtail import hooks

HOOK = "teate_keep_value"


def kept(name, compute, *parts, request=None, page=None):
    """compute(), or the value kept as `name` and `parts` (whatever tells
    two such values apart). `request` and `page` say what it was made for:
    a preview, or a page that is not live, is never kept."""
    for keep in hooks.get_hooks(HOOK):
        return keep(name, compute, parts, request=request, page=page)
    return compute()
