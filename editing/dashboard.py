"""「新しい記事を書く」: on the dashboard and in the blog's page listing, so
starting an article never depends on finding Wagtail's unlabelled ⊕ icon."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail.admin.widgets import Button

from blog.models import ArticlePage, BlogIndexPage

NEW_ARTICLE = _("新しい記事を書く")


def new_article_url(blog):
    return reverse("wagtailadmin_pages:add", args=[ArticlePage._meta.app_label, ArticlePage._meta.model_name, blog.pk])


def blogs_user_can_write_in(user):
    return [blog for blog in BlogIndexPage.objects.all() if blog.permissions_for_user(user).can_add_subpage()]


class NewArticlePanel(Component):
    """The dashboard's first panel: one button per blog the editor may write in."""

    name = "new_article"
    template_name = "editing/new_article_panel.html"
    order = 50

    def __init__(self, blogs):
        self.blogs = blogs

    def get_context_data(self, parent_context):
        return {
            "label": NEW_ARTICLE,
            "links": [(blog, new_article_url(blog)) for blog in self.blogs],
            "many": len(self.blogs) > 1,
        }


def new_article_button(page, user, priority=5):
    """The button for a blog's page in the admin listing, or None. Called for
    every row: the page type comes from its cached content type, no query."""
    is_blog = issubclass(page.specific_class or type(page), BlogIndexPage)
    if is_blog and page.permissions_for_user(user).can_add_subpage():
        return Button(NEW_ARTICLE, url=new_article_url(page), icon_name="doc-full-inverse", priority=priority)
    return None
