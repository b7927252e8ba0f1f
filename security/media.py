"""Serving /media/ when no web server in front does (DJANGO_SERVE_MEDIA=1)."""

from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.views import static


def serve_media(request, path, document_root):
    """django.views.static.serve, with every name the file system cannot
    hold answered as missing: a traversal attempt (Django says 400), a name
    over 255 bytes (the OS says ENAMETOOLONG, Django lets it become a 500),
    a NUL byte. None of them can name an uploaded file."""
    try:
        return static.serve(request, path, document_root=document_root)
    except (SuspiciousOperation, OSError, ValueError) as error:
        raise Http404 from error
