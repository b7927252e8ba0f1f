from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks


def moved_settings(request, site_pk=None):
    """The settings moved from home/ to clinic/ (issue 8): old bookmarks
    of 設定 › 院の設定 land on the new screen."""
    args = ["clinic", "clinicsettings"] + ([site_pk] if site_pk is not None else [])
    return redirect("wagtailsettings:edit", *args, permanent=True)


@hooks.register("register_admin_urls")
def old_settings_urls():
    return [
        path("settings/home/clinicsettings/", moved_settings),
        path("settings/home/clinicsettings/<int:site_pk>/", moved_settings),
    ]
