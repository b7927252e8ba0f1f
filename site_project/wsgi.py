import os

from django.core.wsgi import get_wsgi_application

from serving.health import HealthCheckApplication
from serving.wsgi import PageCacheApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

# Page-cache hits are answered before Django builds a request (serving/wsgi.py),
# the proxy's health probe before anything (serving/health.py).
application = HealthCheckApplication(PageCacheApplication(get_wsgi_application()))
