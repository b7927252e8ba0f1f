# gunicorn for Teate's `web` service (Dockerfile, docker-compose.yml), behind
# Varnish (docs/serving.md, "Slow clients" and "Figures").
import os

bind = "0.0.0.0:8000"
# One process per core: a page-cache hit and a render both spend their time
# in Python, so more processes than cores only take turns.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Threads overlap what a request waits for (PostgreSQL, Redis, the BAN sent to
# Varnish on publish), and the gthread worker keeps connections open, so
# Varnish reuses its connections to the app instead of opening one per fetch.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Longer than Varnish's backend_idle_timeout (60 s): Varnish closes an idle
# connection first, and never sends a request down one gunicorn just closed.
keepalive = 75
accesslog = "-"
