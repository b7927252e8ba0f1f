"""/robots.txt, which names the sitemap index (/sitemap.xml; its parts are
in blog/sitemaps.py).

Each page says what it adds to the sitemap through Wagtail's own hook,
`get_sitemap_urls(request)`: an article outside its publication window adds
nothing, and the blog index adds its category, tag and author listings."""

from django.http import HttpResponse
from django.urls import reverse

from .meta import absolute_url


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
