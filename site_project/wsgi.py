import os

from django.core.wsgi import get_wsgi_application

from serving.wsgi import PageCacheApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.production")

# Page-cache hits are answered before Django builds a request (serving/wsgi.py).
application = PageCacheApplication(get_wsgi_application())
