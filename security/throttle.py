"""Guessing limits: the admin login (django-axes, configured in settings) and
the passwords of Wagtail's password-restricted pages (here)."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views


def client_ip(request):
    """The reader's address. Behind TEATE_TRUSTED_PROXY_COUNT proxies it is
    the address the outermost of them saw (X-Forwarded-For, counted from the
    right, so a client cannot choose it); with none, the socket's."""
    proxies = settings.TEATE_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def too_many_attempts(request):
    return TemplateResponse(request, "security/too_many_attempts.html", status=429)


@wraps(wagtail_views.authenticate_with_password)
def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, with at most TEATE_PAGE_PASSWORD_ATTEMPTS
    wrong passwords per address and restriction in TEATE_PAGE_PASSWORD_WINDOW
    seconds. A page password is short and shared with patients: unthrottled,
    it falls to guessing in seconds."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = f"teate:page-password:{page_view_restriction_id}:{client_ip(request)}"
    if cache.get(key, 0) >= settings.TEATE_PAGE_PASSWORD_ATTEMPTS:
        return too_many_attempts(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong
        cache.add(key, 0, timeout=settings.TEATE_PAGE_PASSWORD_WINDOW)
        cache.incr(key)
    return response
