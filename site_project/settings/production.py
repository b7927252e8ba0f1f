import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405

STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# HTTPS everywhere; a TLS-terminating proxy in front sets X-Forwarded-Proto.
# DJANGO_SECURE_SSL_REDIRECT=0 is only for a plain-HTTP trial on localhost: it
# also lets the admin's login cookies travel without TLS and turns HSTS off.
HTTPS_ONLY = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))) if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY

SERVE_MEDIA = os.environ.get("DJANGO_SERVE_MEDIA", "0") == "1"

# The page cache must be shared by every worker (serving/checks.py refuses a
# local-memory one): without REDIS_URL the app does not start.
CACHES = {
    "default": {
        "BACKEND": "serving.redis_cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        # Django's RedisCache, keeping one client per process (serving/redis_cache.py).
        # Several sites (or test runs) may share one Redis server.
        "KEY_PREFIX": os.environ.get("REDIS_KEY_PREFIX", ""),
    }
    if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# Each caching proxy in front (comma-separated), told to drop pages on publish.
SERVING_PROXY_PURGE_URLS = [u.strip() for u in os.environ.get("TEATE_PROXY_PURGE_URLS", "").split(",") if u.strip()]

# Background tasks go to a queue in the database; the `worker` service
# (manage.py db_worker) runs them off the editor's request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Every page save runs background tasks that each log two lines at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
