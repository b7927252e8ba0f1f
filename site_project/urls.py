from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from blog.sitemaps import SITEMAPS
from clinic import views as icon_views
from disclosure.views import external_transmission
from search import views as search_views
from security import throttle
from security.media import serve_media
from seo.robots import robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # A sitemap index, and its parts (blog/sitemaps.py).
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_part"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_part"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", search_views.search, name="search"),
    path("external-transmission/", external_transmission, name="external_transmission"),
    path("favicon.ico", icon_views.favicon, name="favicon"),
    path("manifest.webmanifest", icon_views.manifest, name="web_manifest"),
    # Wagtail's own view for page passwords, throttled; same path and name.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttle.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # The Docker setup has no file server in front for uploaded photos;
    # Django serves them from the media volume (whitenoise only does static).
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})]

# Django's own admin is a second login screen editors never need; an
# operator who does turns it on with TEATE_DJANGO_ADMIN=1.
if settings.TEATE_DJANGO_ADMIN:
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

# Wagtail serves every page; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

# A dead link still offers search, the categories and the newest articles.
handler404 = "blog.errors.page_not_found"
# The database down: a Japanese 503 with Retry-After; anything else: 500.html.
handler500 = "site_project.errors.server_error"
