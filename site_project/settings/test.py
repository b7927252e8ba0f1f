import os
import socket
import tempfile
import uuid
from urllib.parse import urlsplit

from .base import *  # noqa: F403


def _redis_is_up(url):
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The real Redis server when it runs (CI starts it), under a key prefix of
# this run's own, since other runs share the server: nothing is ever flushed.
# Without it, a local-memory cache, and the tests that need Redis skip.
TEST_REDIS_URL = os.environ.get("TEATE_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
TEST_REDIS_UP = _redis_is_up(TEST_REDIS_URL)
if TEST_REDIS_UP:
    CACHES = {
        "default": {
            "BACKEND": "serving.redis_cache.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": f"teate-test-{uuid.uuid4().hex[:12]}",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail keeps rendition objects in a cache; tests reuse image ids and
# identical test pictures, so each test clears it (tests/conftest.py).
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"}
SERVING_ALLOW_LOCAL_CACHE = True
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="teate-test-media-"))  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# Static files straight from the apps, as in development (no collectstatic).
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Live-server threads (browser tests) must not keep connections open after
# their requests, or PostgreSQL refuses to drop the test database at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
WORDPRESS_IMPORT_ROOT = Path(tempfile.mkdtemp(prefix="teate-test-wordpress-"))  # noqa: F405
# Wagtail's background work (search and reference indexing, image renditions)
# runs inside the request, so a test sees its effect at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
