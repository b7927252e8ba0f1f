from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("ブログ")

    def ready(self):
        from . import publish_gates  # noqa: F401  (models are ready only now: connects the publish gates)
