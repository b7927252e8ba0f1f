from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """What Teate does against hostile input and stored values it cannot
    trust (docs/security.md). It imports no page model: pages and templates
    use its parts."""

    name = "security"
    verbose_name = "セキュリティ"
