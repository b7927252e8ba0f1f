"""The server-error page (handler500). With the database down or restarting
a reader gets a Japanese 503 with Retry-After, which browsers, crawlers and
the proxy read as "come back shortly", instead of a 500. The page needs no
database: no request context (the context processors read the database), no
page, no settings. Any write the request was making is not committed:
Django and Wagtail save in transactions, and a transaction the database did
not commit is rolled back (docs/operations.md, "PostgreSQL down")."""

import sys

from django import db
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

RETRY_AFTER = 30
DATABASE_UNAVAILABLE = (db.OperationalError, db.InterfaceError)


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.render_to_string("503.html", {"retry_after": RETRY_AFTER}), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))
