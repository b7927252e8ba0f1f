"""Reader views that are not pages in the tree."""

from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .models import BlogIndexPage, home_crumb
from .pagination import paginate
from .search.highlight import excerpt, highlight
from .search.index import reader_text
from .search.query import search_articles

# What the search box accepts; anything longer is cut, never refused.
MAX_QUERY_CHARS = 200


@dataclass
class SearchHit:
    article: object
    title: str
    excerpt: str


def search(request):
    """/search/?q=…: articles matching every word, best first, with the
    words marked. Any query, however odd, gets an ordinary page."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_CHARS]
    results = search_articles(query) if query else []
    page = paginate(request, results)
    tokens = getattr(results, "tokens", [])
    page.object_list = [
        SearchHit(article, highlight(article.title, tokens), excerpt(reader_text(article), tokens))
        for article in page.object_list
    ]
    context = {
        "query": query,
        "hits": page,
        "result_count": len(results),
        "pagination_query": urlencode({"q": query}),
        "blog_index": BlogIndexPage.objects.live().first(),
        "crumbs": [home_crumb(), (_("検索"), reverse("search"))],
    }
    return render(request, "blog/search_page.html", context)
