from .base import *  # noqa: F403

DEBUG = True
# A development-only key: production reads DJANGO_SECRET_KEY from the environment.
SECRET_KEY = "dev-only-not-secret-teate"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
