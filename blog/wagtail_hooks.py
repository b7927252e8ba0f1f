from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import publish_gates
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


@hooks.register("before_publish_page")
def refuse_held_back_publish(request, page):
    """Publish (or schedule) from the editor, refused by a publish gate: the
    draft was saved just now and stays."""
    refused = publish_gates.refusals(page.specific)
    if not refused:
        return None
    if page.live and page.live_revision_id is None:
        # A new page: Wagtail added it live, before this hook; it is a draft.
        type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
    for _gate, message in refused:
        messages.error(request, message)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_held_back_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publish: nothing is published while one of the pages would be refused."""
    if action_type != "publish":
        return None
    refused = [
        message
        for page in objects
        if isinstance(page, Page)
        for _gate, message in publish_gates.refusals(page.specific.get_latest_revision_as_object())
    ]
    for message in refused:
        messages.error(request, message)
    return redirect(action_class_instance.next_url) if refused else None
