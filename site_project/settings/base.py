"""Settings shared by every environment; dev, production and test adjust them."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "serving",
    "demo",
    "review",
    "editing",
    "home",
    "search",
    "blog",
    "seo",
    "clinic",
    "pages",
    "wording",
    "wordpress",
    "typography",
    "disclosure",
    "contact",
    "security",
    "backups",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
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
    "axes",
]

MIDDLEWARE = [
    # ETag and 304 for every response, page-cache hits included.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before everything else, so a hit skips the rest of the stack: the cached
    # page carries the headers the middleware below set on it (docs/serving.md).
    "serving.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "site_project.middleware.ContentSecurityPolicyMiddleware",
    # Inside the readers' policy, which leaves a widened one as it is; the page
    # cache stores it with the page (analytics hosts, docs/readers.md).
    "site_project.middleware.PageSourcesPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The Site and the clinic's settings from the cache, before anyone asks for them.
    "serving.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wordpress.middleware.QueryStringRedirectMiddleware",
    # Last, so it sees the login views' answers (docs/security.md).
    "axes.middleware.AxesMiddleware",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's SQLite: readers never wait for a writer (WAL), and a write
    # transaction takes its lock when it begins (IMMEDIATE), so two admin
    # requests at once (autosave and preview) queue for up to 20 s instead
    # of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # A database host that does not answer fails the request within seconds
    # (a 503, site_project/errors.py) instead of holding a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes counts failed logins on every login form (Wagtail's admin, the
# front-end login) before Django's own backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A clinic has two or three staff, who rarely mistype five times running:
# five failures from one address lock that address out for 15 minutes.
# Locking by address, not by user name, means a stranger cannot lock the
# staff out by guessing at their names.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_CLIENT_IP_CALLABLE = "security.throttle.client_ip"
# How many proxies in front append to X-Forwarded-For (the production shape
# has one); 0 trusts only the socket's address.
TEATE_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# Passwords on Wagtail's password-restricted pages (security/throttle.py).
TEATE_PAGE_PASSWORD_ATTEMPTS = 10
TEATE_PAGE_PASSWORD_WINDOW = 15 * 60  # seconds

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

# Django's own admin (/django-admin/) is off: editors use Wagtail's, and a
# second login screen is a second thing to attack (docs/security.md).
TEATE_DJANGO_ADMIN = os.environ.get("TEATE_DJANGO_ADMIN") == "1"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "手当て Teate"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# A workflow ending with a 監修 approval publishes on the reviewer's approval
# (review/finish.py); any other ends as Wagtail's own does.
WAGTAIL_FINISH_WORKFLOW_ACTION = "review.finish.publish_workflow_state"
# No avatar requests to gravatar.com: the admin would send a hash of each
# editor's e-mail address to a third party. Editors can upload a photo.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin speaks Japanese first; English stays available per user.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ja", "日本語"), ("en", "English")]
# No avatars from Gravatar: the admin would send each editor's e-mail hash
# to a third party, and the admin's Content-Security-Policy allows no other host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
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
# privacy-enhanced player once a reader presses play (docs/video.md). No
# inline script or style at all: our templates use classes only, so markup
# injected by stored data can neither run nor restyle the page.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "https://i.ytimg.com", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Wagtail's editor needs inline scripts (inline panels, date pickers) and
# style attributes, so the admin keeps those; everything else stays as
# strict as for readers: no other origin's script, no plugins, no framing
# by other sites, forms post only here (docs/security.md).
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://i.ytimg.com"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_PATHS = ["/admin/", "/django-admin/"]
# Powerful browser features no page of a clinic's blog uses; the YouTube
# player keeps fullscreen and picture-in-picture.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "bluetooth": [],
    "midi": [],
    "browsing-topics": [],
    "fullscreen": ["self", '"https://www.youtube-nocookie.com"'],
}

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Upload limits (docs/security.md). A phone photo is 12–48 megapixels and a
# few megabytes; an 11,000 × 11,000 picture (121 MP) takes seconds to draw.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every uploaded image is decoded once before it is accepted (security/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "security.uploads.ImageForm"

BLOG_PAGE_SIZE = 12

# Serving (docs/serving.md): the page cache for anonymous readers, the
# lifetimes sent to browsers and to the proxy, and where to send purges.
SERVING_PAGE_CACHE = True
SERVING_CACHE_ALIAS = "default"
# Only for development and tests: a per-process cache no purge reaches.
SERVING_ALLOW_LOCAL_CACHE = False
SERVING_SHARED_MAX_AGE = 600
SERVING_BROWSER_MAX_AGE = 60
SERVING_STALE_WHILE_REVALIDATE = 30
SERVING_UNCACHED_PATHS = ["/admin/", "/django-admin/", "/documents/", "/media/"]
SERVING_PROXY_PURGE_URLS = []

# Wagtail's background work (search and reference indexes, renditions) runs
# inside the request unless production sets a database-backed queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# WordPress import from the admin (docs/wordpress.md): uploads are kept out of
# MEDIA_ROOT (they hold drafts and private posts) and capped in size.
WORDPRESS_IMPORT_ROOT = BASE_DIR / "var" / "wordpress-imports"
WORDPRESS_IMPORT_MAX_XML_BYTES = 100 * 1024 * 1024
WORDPRESS_IMPORT_MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024
# What a zip may expand to, so a zip bomb is refused before it fills the disk.
WORDPRESS_IMPORT_MAX_UNZIPPED_BYTES = 8 * 1024 * 1024 * 1024

# The scheduler (serving's run_scheduler) runs these management commands
# every round: scheduled publishing and expiry, then the contact form's
# housekeeping (mail retries, deleting submissions past their retention).
SCHEDULED_COMMANDS = ["publish_scheduled", "contact_housekeeping"]

# Mail: the contact form's notifications (docs/contact.md), over SMTP as the
# environment says. Dev prints mails unless EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in ("1", "true", "yes")
# A mail server that hangs delays one mail, never the worker for long.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "webmaster@localhost"

# The contact form's spam defences (contact/spam.py): seconds a person needs
# at least to fill it in, and submissions per address per window.
CONTACT_MIN_FILL_SECONDS = 3
CONTACT_RATE_LIMIT = 5
CONTACT_RATE_WINDOW = 60 * 60  # seconds
