"""/search/: the reader search page (the search box in every page's header sends here)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from blog.models import home_crumb
from blog.pagination import paginate
from seo.meta import default_meta

from .query import clean_query, search_articles


def search(request):
    """/search/?q=…: articles matching every word, best first, with the
    words marked. Any query, however odd, gets an ordinary page, which
    search engines are told not to index."""
    query = clean_query(request.GET.get("q", ""))
    results = search_articles(query) if query else []
    title = _("「%(query)s」の検索結果") % {"query": query} if query else _("記事を検索")
    context = {
        "query": query,
        "hits": paginate(request, results),
        "result_count": len(results),
        "pagination_query": urlencode({"q": query}),
        "crumbs": [home_crumb(), (_("検索"), reverse("search"))],
    }
    context["page_meta"] = default_meta(request, context, title=title, robots="noindex")
    return render(request, "search/search_page.html", context)
