"""Pages that are not articles: アクセス, 料金, プロフィール… A clinic's site is
more than its blog, and WordPress's 固定ページ land here when imported."""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blog.blocks import ArticleBodyBlock
from blog.layout_blocks import faq_pairs
from blog.models import home_crumb
from seo.jsonld import breadcrumb_node, site_nodes, web_page_node
from seo.meta import default_meta


class ContentPage(Page):
    """A plain page built from the article's body blocks, under the home page
    (or under another content page, as WordPress lets pages nest)."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("本文"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("固定ページ")
        verbose_name_plural = _("固定ページ")

    def seo_meta(self, request, context):
        """The site's default head values, and a JSON-LD graph in which the
        page is a FAQPage when its よくある質問 blocks ask anything."""
        crumbs = self.breadcrumbs()
        graph = [
            web_page_node(request, self.title, crumbs, faq_pairs(self.body)),
            breadcrumb_node(request, crumbs),
            *site_nodes(request),
        ]
        return replace(default_meta(request, context), graph=graph)

    def breadcrumbs(self):
        crumbs = [home_crumb()]
        for ancestor in self.get_ancestors().type(ContentPage).specific():
            crumbs.append((ancestor.title, ancestor.url))
        crumbs.append((self.title, self.url))
        return crumbs
