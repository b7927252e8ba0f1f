from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "wordpress"
    verbose_name = "WordPressからの移行"
    default_auto_field = "django.db.models.BigAutoField"
