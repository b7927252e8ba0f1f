from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "ブログ"

    def ready(self):
        from .search import signals  # noqa: F401  (connects the search index updates)
