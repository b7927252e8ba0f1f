# Teate in production: gunicorn behind a TLS proxy, static files from
# whitenoise, uploaded photos on a volume. See "Production / Docker" in README.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=site_project.settings.production \
    GUNICORN_WORKERS=2

WORKDIR /app
RUN useradd --create-home --uid 1000 teate
# pg_dump and pg_restore for `manage.py backup` / `restore` (docs/operations.md):
# bookworm's client is PostgreSQL 15, the version docker-compose.yml runs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, read from pyproject.toml, so a code change does not
# reinstall them. The project itself runs from /app and is not installed.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# collectstatic needs settings but no secrets and no database.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/media \
    && chown teate:teate /app/media

USER teate
VOLUME ["/app/media"]
EXPOSE 8000

# Migrations run at every start (a no-op when there is nothing to apply).
# deploy/gunicorn.conf.py: GUNICORN_WORKERS processes (one per core) of
# GUNICORN_THREADS threads, on port 8000, access log on stdout.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn site_project.wsgi:application --config deploy/gunicorn.conf.py"]
