"""The 404 page: a reader who followed a dead link gets a way on (search,
the categories, the newest articles) instead of a dead end."""

from django.shortcuts import render

from .indexes import categories_with_articles
from .models import ArticlePage, BlogIndexPage

NEWEST_COUNT = 5


def page_not_found(request, exception=None):
    readable = ArticlePage.objects.readable()
    context = {
        "blog_index": BlogIndexPage.objects.live().public().first(),
        # Titles and dates only: a fixed, small number of queries.
        "newest_articles": readable.order_by("-first_published_at", "-pk")[:NEWEST_COUNT],
        "categories": categories_with_articles(readable),
    }
    return render(request, "404.html", context, status=404)
