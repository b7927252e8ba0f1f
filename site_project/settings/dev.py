import os

from .base import *  # noqa: F403

DEBUG = True
# A development-only key: production reads DJANGO_SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-teate"
ALLOWED_HOSTS = ["*"]
# `make demo` runs the scheduler in a second process, which no local-memory
# cache reaches: the page cache is on only with a shared Redis.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "serving.redis_cache.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
else:
    SERVING_PAGE_CACHE = False
# Mails are printed, unless EMAIL_HOST names a real server (docs/contact.md).
if not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Background tasks (search and reference indexes, proxy purges, mail) wait in
# the database for the worker `make demo` runs beside the server
# (manage.py db_worker), as in production; tests run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
