from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import NewArticlePanel, blogs_user_can_write_in, new_article_button
from .guide import GUIDE_TITLE, EditorGuideView
from .slug import suggest_slug

# Wagtail's help menu links to its English guide and release notes on the
# internet; the practitioner gets our Japanese guide instead.
WAGTAIL_HELP_ITEMS = {"editor-guide"} | {"whats-new-in-wagtail"}


@hooks.register("construct_homepage_panels")
def add_new_article_panel(request, panels):
    blogs = blogs_user_can_write_in(request.user)
    if blogs:
        panels.append(NewArticlePanel(blogs))


@hooks.register("register_page_header_buttons")
def new_article_in_blog_header(page, user, view_name, next_url=None):
    button = new_article_button(page, user)
    return [button] if button else []


@hooks.register("register_page_listing_buttons")
def new_article_in_blog_row(page, user, next_url=None):
    button = new_article_button(page, user)
    return [button] if button else []


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [
        path("teate/guide/", EditorGuideView.as_view(), name="teate_editor_guide"),
        path("teate/romaji-slug/", suggest_slug, name="teate_romaji_slug"),
    ]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return MenuItem(GUIDE_TITLE, reverse("teate_editor_guide"), name="teate-editor-guide", icon_name="help", order=900)


@hooks.register("construct_help_menu")
def drop_wagtail_english_help(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not any(item.name.startswith(name) for name in WAGTAIL_HELP_ITEMS)
    ]


@hooks.register("insert_global_admin_js")
def admin_script():
    return format_html(
        '<script src="{}" data-save-selected-label="{}" data-slug-suggest-url="{}"></script>',
        static("editing/admin.js"),
        _("選択した日時を保存"),
        reverse("teate_romaji_slug"),
    )
