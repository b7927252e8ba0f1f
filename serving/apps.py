from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServingConfig(AppConfig):
    name = "serving"
    verbose_name = _("配信とキャッシュ")

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the check and the purge receivers)
