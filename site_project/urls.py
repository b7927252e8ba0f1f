from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from disclosure.views import external_transmission
from search import views as search_views
from seo.sitemaps import SITEMAPS, robots_txt
from site_icons import views as icon_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", search_views.search, name="search"),
    path("external-transmission/", external_transmission, name="external_transmission"),
    path("favicon.ico", icon_views.favicon, name="favicon"),
    path("manifest.webmanifest", icon_views.manifest, name="web_manifest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # The Docker setup has no file server in front for uploaded photos;
    # Django serves them from the media volume (whitenoise only does static).
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Wagtail serves every page; it must come last.
urlpatterns += [path("", include(wagtail_urls))]

# A dead link still offers search, the categories and the newest articles.
handler404 = "blog.errors.page_not_found"
