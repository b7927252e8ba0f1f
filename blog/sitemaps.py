"""What crawlers are told: /sitemap.xml (every public page, each with its
lastmod) and /robots.txt (which names the sitemap)."""

from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponse
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap

from . import seo
from .models import ArticlePage, BlogIndexPage
from .snippets import Author, Category


class PageSitemap(Sitemap):
    """The site's public pages: articles only when a reader may see them
    (readable()), every other page when it is live and public."""

    def items(self):
        root = self.get_wagtail_site().root_page
        readable = ArticlePage.objects.readable().values("pk")
        return (
            super()
            .items()
            .filter(Q(pk__in=readable) | ~Q(content_type__model="articlepage", content_type__app_label="blog"))
            .filter(path__startswith=root.path)
        )


class ListingSitemap(Sitemap):
    """The blog's category, tag and author listings that have at least one
    readable article; each listing's lastmod is its newest article's."""

    # route name, the model behind it, and how an article points at one.
    LISTINGS = (
        ("category", Category, "article_categories__category"),
        ("tag", Tag, "tagged_items__tag"),
        ("author", Author, "article_authors__author"),
    )

    def items(self):
        site = self.get_wagtail_site()
        entries = []
        for blog in BlogIndexPage.objects.live().public().descendant_of(site.root_page, inclusive=True):
            readable = ArticlePage.objects.child_of(blog).readable()
            for route, model, link in self.LISTINGS:
                newest = readable.filter(**{link: OuterRef("pk")}).order_by("-last_published_at")
                rows = model.objects.annotate(lastmod=Subquery(newest.values("last_published_at")[:1]))
                entries += [
                    {"location": seo.absolute_url(self.request, blog.subpage_url(route, row.slug)), "lastmod": row.lastmod}
                    for row in rows.filter(lastmod__isnull=False)
                ]
        return sorted(entries, key=lambda entry: entry["location"])

    def _urls(self, page, protocol, domain):
        urls = list(self.paginator.page(page).object_list)
        lastmods = [entry["lastmod"] for entry in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


SITEMAPS = {"pages": PageSitemap, "listings": ListingSitemap}


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "",
        f"Sitemap: {seo.absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
