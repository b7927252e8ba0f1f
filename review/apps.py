from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("監修")

    def ready(self):
        from . import gate, notifications, workflow  # noqa: F401  (models are ready only now: connects the gate, emails, workflow)

        post_migrate.connect(workflow.assign_to_every_blog, sender=self, dispatch_uid="review_assign_to_every_blog")
