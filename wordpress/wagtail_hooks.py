from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", views.index, name="index"),
        path("<int:pk>/", views.run, name="run"),
    ]
    return [path("wordpress-import/", include((urls, "wordpress_import"), namespace="wordpress_import"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ImportMenuItem(
        _("WordPressから移行"), reverse("wordpress_import:index"), icon_name="upload", order=900, name="wordpress-import"
    )


@hooks.register("register_permissions")
def register_permissions():
    """Lets a group be given the import in 設定 → グループ."""
    return Permission.objects.filter(content_type__app_label="wordpress", codename="add_importrun")
