from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from blog.indexes import categories_with_articles
from blog.kept import kept
from blog.models import ArticlePage, BlogIndexPage
from security.pages import PublicationWindowMixin
from seo.jsonld import site_nodes
from seo.meta import PageMeta, absolute_url, full_title, share_image, site_description, site_feeds, site_name


class HomePage(PublicationWindowMixin, Page):
    """The site root: who the clinic is, the newest articles, the categories."""

    intro = RichTextField(_("紹介文"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage", "pages.ContentPage", "contact.ContactFormPage"]
    max_count = 1

    class Meta:
        verbose_name = _("ホーム")

    def route(self, request, path_components):
        """The blog without Wagtail's two reads (the child page, then its
        specific row): every page already looks it up once for its header
        (BlogIndexPage.for_request)."""
        blog = BlogIndexPage.for_request(request) if path_components else None
        if blog is not None and blog.slug == path_components[0] and blog.path[: -blog.steplen] == self.path:
            blog._cached_parent_obj = self
            return blog.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        readable = ArticlePage.objects.descendant_of(self).readable()
        context["latest_articles"] = readable.newest_first()[:6]  # cards: {% article_cards %}
        # Counted over every readable article: kept until the next publish (blog/kept.py).
        context["categories"] = kept("home-categories", lambda: list(categories_with_articles(readable)), self.pk)
        return context

    def seo_meta(self, request, context):
        return PageMeta(
            title=full_title(request, self.seo_title or self.title),
            description=site_description(request),
            site_name=site_name(request),
            canonical_url=absolute_url(request, self.url),
            image=share_image(request),
            feeds=site_feeds(request, context.get("blog_index")),
            graph=site_nodes(request),
        )
