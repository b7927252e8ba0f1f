"""Settings shared by every environment; dev, production and test adjust them."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "demo",
    "home",
    "search",
    "blog",
    "seo",
    "clinic",
    "pages",
    "wordpress",
    "typography",
    "booking",
    "disclosure",
    "site_icons",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "site_project.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wordpress.middleware.QueryStringRedirectMiddleware",
]

ROOT_URLCONF = "site_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "site_project.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "site_project.wsgi.application"

# One line decides the database: DATABASE_URL, or a zero-setup SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("日本語"))]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Uploaded files are served by Django itself only when no web server in front
# does it (production turns this on from the environment; DEBUG always serves).
SERVE_MEDIA = False

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "手当て Teate"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The admin speaks Japanese first; English stays available per user.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ja", "日本語"), ("en", "English")]
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"
WAGTAIL_DATETIME_FORMAT = "%Y-%m-%d %H:%M"

# Japanese search (docs/search.md): one analyser for the reader search and,
# through this backend, for the admin's page and snippet search.
TEATE_SEARCH_ANALYSER = "search.analyser.SudachiAnalyser"
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backend"},
}

# YouTube links become a local facade without asking YouTube (blog/embeds.py);
# oEmbed stays for other providers when the server has a network.
WAGTAILEMBEDS_FINDERS = [
    {"class": "blog.embeds"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# What readers' browsers may load: our own files, YouTube thumbnails, and the
# privacy-enhanced player once a reader presses play (docs/video.md).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "https://i.ytimg.com", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "script-src": ["'self'"],
    # Inline style attributes appear in error pages and Wagtail's editor bar.
    "style-src": ["'self'", "'unsafe-inline'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY_EXEMPT = ["/admin/", "/django-admin/"]

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

BLOG_PAGE_SIZE = 12

# WordPress import from the admin (docs/wordpress.md): uploads are kept out of
# MEDIA_ROOT (they hold drafts and private posts) and capped in size.
WORDPRESS_IMPORT_ROOT = BASE_DIR / "var" / "wordpress-imports"
WORDPRESS_IMPORT_MAX_XML_BYTES = 100 * 1024 * 1024
WORDPRESS_IMPORT_MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024
# What a zip may expand to, so a zip bomb is refused before it fills the disk.
WORDPRESS_IMPORT_MAX_UNZIPPED_BYTES = 8 * 1024 * 1024 * 1024
