from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordingConfig(AppConfig):
    name = "wording"
    verbose_name = _("表現チェック")

    def ready(self):
        from . import gate  # noqa: F401  (models are ready only now: registers the publish gate, connects its signal)

        # Django's app registry is ready only now; the panel module imports
        # Wagtail's admin, which needs it.
        from .panels import add_findings_panel

        add_findings_panel()
