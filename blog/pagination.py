from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property

from .kept import kept


class ListingPaginator(Paginator):
    """Pages past the middle are read from the other end: the last page of
    a blog of 10,000 articles skips a few rows (OFFSET 0 in the reversed
    order), not 9,990. The listing's ordering must be total (ties broken by
    id, as ArticlePageQuerySet.newest_first does) for the two ends to meet.

    Given `kept_as` (a name, then what tells two such listings apart), the
    listing's length (a COUNT over every article it holds) may be kept
    between requests (kept.py), and counted again only after a publish."""

    def __init__(self, object_list, per_page, *, kept_as=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.kept_as = kept_as

    @cached_property
    def count(self):
        counted = Paginator.count.func
        if self.kept_as is None:
            return counted(self)
        name, *parts = self.kept_as
        return kept(name, lambda: counted(self), *parts)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom <= self.count // 2 or not hasattr(self.object_list, "reverse"):
            return super().page(number)
        rows = list(self.object_list.reverse()[self.count - top : self.count - bottom])
        return self._get_page(rows[::-1], number, self)


def paginate(request, queryset, per_page=None, *, listing=None):
    """One page of a listing, from ?page=N.

    A missing or non-numeric page means the first page (people mistype, old
    links get mangled); a number outside the listing, 0 included, is a 404,
    so crawlers do not index endless empty pages.

    A listing of readable articles names itself with `listing` (its blog),
    and its length is kept (ListingPaginator), one per blog and path: the
    path's slug names a category, tag or author.
    """
    kept_as = None if listing is None else ("listing-count", listing, request.path)
    paginator = ListingPaginator(queryset, per_page or settings.BLOG_PAGE_SIZE, kept_as=kept_as)
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
