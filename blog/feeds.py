"""RSS 2.0 feeds of the newest articles: the whole blog at /blog/feed/ and
one category at /blog/category/<slug>/feed/. BlogIndexPage routes to them."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.html import format_html
from django.utils.translation import gettext as _

from seo.meta import absolute_url, plain_text, site_name

from .snippets import Category

FEED_LENGTH = 20
FEED_IMAGE_SPEC = "fill-1200x630"


class ArticleFeed(Feed):
    """One instance per request (the routes build it), so the request can
    be kept for the absolute URLs every item needs."""

    language = "ja"

    def get_object(self, request, blog, category_slug=None):
        self.request = request
        self.blog = blog
        self.category = get_object_or_404(Category, slug=category_slug) if category_slug else None
        return self.category

    def title(self, category):
        site = site_name(self.request)
        if category:
            return _("%(name)sの記事 | %(site)s") % {"name": category.name, "site": site}
        return _("%(site)sの新着記事") % {"site": site}

    def description(self, category):
        if category:
            return plain_text(category.description) or self.title(category)
        return plain_text(self.blog.search_description or self.blog.intro) or self.title(category)

    def link(self, category):
        if category:
            return absolute_url(self.request, self.blog.subpage_url("category", category.slug))
        return absolute_url(self.request, self.blog.url)

    def feed_url(self, category):
        return absolute_url(self.request, self.request.path)

    def items(self, category):
        articles = self.blog.articles().for_listing()
        if category:
            articles = articles.filter(article_categories__category=category)
        return articles[:FEED_LENGTH]

    def item_title(self, article):
        # Plain text: the feed generator escapes it for XML (once).
        return article.title

    def item_link(self, article):
        return absolute_url(self.request, article.url)

    def item_pubdate(self, article):
        return article.published_date

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return "、".join(author.name for author in article.authors) or None

    def item_categories(self, article):
        return [category.name for category in article.categories]

    def item_description(self, article):
        """The lead, after the hero picture when there is one."""
        lead = format_html("<p>{}</p>", article.lead)
        rendition = self.hero_rendition(article)
        if rendition is None:
            return lead
        picture = format_html(
            '<p><img src="{}" width="{}" height="{}" alt="{}"></p>',
            absolute_url(self.request, rendition.url),
            rendition.width,
            rendition.height,
            article.hero_image.description,
        )
        return picture + lead

    def item_enclosure_url(self, article):
        rendition = self.hero_rendition(article)
        return absolute_url(self.request, rendition.url) if rendition else None

    def item_enclosure_length(self, article):
        return self.hero_rendition(article).file.size

    def item_enclosure_mime_type(self, article):
        return mimetypes.guess_type(self.hero_rendition(article).file.name)[0] or "image/jpeg"

    def hero_rendition(self, article):
        # for_listing() prefetched the renditions; get_rendition reuses them.
        return article.hero_image.get_rendition(FEED_IMAGE_SPEC) if article.hero_image else None
