from django.apps import AppConfig


class SiteIconsConfig(AppConfig):
    name = "site_icons"
    verbose_name = "Site icons"
