from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page=None):
    """One page of a listing, from ?page=N.

    A missing or non-numeric page means the first page (people mistype, old
    links get mangled); a number outside the listing, 0 included, is a 404,
    so crawlers do not index endless empty pages.
    """
    paginator = Paginator(queryset, per_page or settings.BLOG_PAGE_SIZE)
    raw = request.GET.get("page", "")
    number = int(raw) if raw.isdecimal() and len(raw) < 10 else 1
    try:
        page = paginator.page(number)
    except InvalidPage:
        raise Http404 from None
    # 1 … 4 5 6 … 834: the links a reader needs, not one per page, so a
    # long blog's listing does not grow with it.
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    return page
