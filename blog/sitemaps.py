"""The sitemap's parts, listed by the sitemap index at /sitemap.xml
(site_project/urls.py): /sitemap-pages.xml (the home page, the blog with
its category, tag and author listings, 固定ページ) and
/sitemap-articles.xml, ARTICLES_PER_PART articles a part (?p=2, …), so no
part grows with the blog. Each part is a response like any page: the page
cache keeps it, tagged `articles` (serving/declarations.py), so a publish
reaches it."""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap

from .kept import kept
from .models import ArticlePage
from .pagination import ListingPaginator

ARTICLES_PER_PART = 1000


class KeptSitemap(Sitemap):
    """A sitemap whose length (how many parts the index lists) is kept
    until the next publish (kept.py): counting it reads every page of the
    site."""

    def kept_as(self, name):
        return (name, type(self).__name__, self.get_wagtail_site().root_page.pk)

    @property
    def paginator(self):
        return ListingPaginator(self.items(), self.limit, kept_as=self.kept_as("sitemap-count"))


class PageSitemap(KeptSitemap):
    """Every live, public page but the articles; each says what it adds
    through Wagtail's `get_sitemap_urls(request)`."""

    def items(self):
        return super().items().not_type(ArticlePage)

    def get_latest_lastmod(self):
        return None  # the index need not read every page for it


class ArticleSitemap(KeptSitemap):
    """The readable articles, in tree order. The last part is read from the
    end (ListingPaginator), so it skips no rows. The newest date, which the
    index reads, is kept like the length."""

    limit = ARTICLES_PER_PART

    def items(self):
        root = self.get_wagtail_site().root_page
        return ArticlePage.objects.descendant_of(root).readable().order_by("path").defer_streamfields()

    def _urls(self, page, protocol, domain):
        # Wagtail's own asks the part for a queryset's iterator(), and a
        # part read from the end is a list.
        urls = [url for article in self.paginator.page(page).object_list for url in article.get_sitemap_urls(self.request)]
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def get_latest_lastmod(self):
        newest = lambda: self.items().aggregate(newest=Max("last_published_at"))["newest"]  # noqa: E731
        name, *parts = self.kept_as("sitemap-lastmod")
        return kept(name, newest, *parts)


SITEMAPS = {"pages": PageSitemap, "articles": ArticleSitemap}
