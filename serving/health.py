"""`GET /healthz`: what the proxy probes (deploy/varnish/teate.vcl) to know
which app servers are up. Answered in front of Django (site_project/wsgi.py)
and asking nothing of the database or Redis: an app server whose database
or Redis is down still serves what the caches hold and a Japanese 503 for
the rest (docs/operations.md), so the proxy keeps sending it readers."""

PATH = "/healthz"


class HealthCheckApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.application(environ, start_response)
        start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")])
        return [b"ok\n"]
