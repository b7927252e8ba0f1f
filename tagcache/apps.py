from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TagCacheConfig(AppConfig):
    name = "tagcache"
    verbose_name = _("タグ付きキャッシュ")
