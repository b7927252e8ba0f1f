"""Pages that are not articles: アクセス, 料金, プロフィール… A clinic's site is
more than its blog, and WordPress's 固定ページ land here when imported."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from blog.blocks import ArticleBodyBlock
from blog.models import home_crumb


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

    def breadcrumbs(self):
        crumbs = [home_crumb()]
        for ancestor in self.get_ancestors().type(ContentPage).specific():
            crumbs.append((ancestor.title, ancestor.url))
        crumbs.append((self.title, self.url))
        return crumbs
