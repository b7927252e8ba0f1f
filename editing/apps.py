from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """What the practitioner sees in the admin beyond Wagtail's own screens:
    a way to start an article, the Japanese editor's guide, Japanese names."""

    name = "editing"
    verbose_name = _("編集画面")
