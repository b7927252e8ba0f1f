"""What ties an article to its authors, categories and tags: ordered link
rows, kept apart from the page models so the listing querysets and the
related-articles ranking can use them without importing the pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .snippets import Author, Category


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("blog.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        app_label = "blog"


class ArticleAuthor(Orderable):
    """Links an article to its authors, in the order they are credited."""

    page = ParentalKey("blog.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, verbose_name=_("著者"), related_name="article_links", on_delete=models.PROTECT)

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        app_label = "blog"
        constraints = [models.UniqueConstraint(fields=["page", "author"], name="unique_article_author")]


class ArticleCategory(Orderable):
    """Links an article to its categories; the first is the primary one."""

    page = ParentalKey("blog.ArticlePage", related_name="article_categories", on_delete=models.CASCADE)
    category = models.ForeignKey(
        Category, verbose_name=_("カテゴリー"), related_name="article_links", on_delete=models.PROTECT
    )

    panels = [FieldPanel("category")]

    class Meta(Orderable.Meta):
        app_label = "blog"
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="unique_article_category")]
