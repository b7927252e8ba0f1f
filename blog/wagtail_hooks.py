from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .snippets import Author, Category


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("著者")
    list_display = ["name", "job_title", "clinic"]
    search_fields = ["name", "name_kana"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("カテゴリー")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class BlogSnippetGroup(SnippetViewSetGroup):
    items = (AuthorViewSet, CategoryViewSet)
    menu_icon = "doc-full"
    menu_label = _("ブログ設定")
    menu_name = "blog-snippets"


register_snippet(BlogSnippetGroup)
