"""Guessing limits: the admin login (django-axes, configured in settings)
and the passwords of Wagtail's password-restricted pages, counted per
address as attempts.py counts any form a stranger may post many times."""

from functools import wraps

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail import views as wagtail_views

from .attempts import client_ip, note_attempt, over_limit

__all__ = ["authenticate_with_password", "client_ip", "too_many_attempts"]


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
    scope = f"page-password:{page_view_restriction_id}"
    if over_limit(scope, request, settings.TEATE_PAGE_PASSWORD_ATTEMPTS):
        return too_many_attempts(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong
        note_attempt(scope, request, settings.TEATE_PAGE_PASSWORD_WINDOW)
    return response
