"""The findings panel at the top of the page editor: what the draft being
edited may claim, each phrase highlighted in its sentence with the rule's
explanation and source, and a link to set a finding aside for this page."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .site import CHECKED_PAGE_TYPES, checks_for_page, page_findings


class FindingsPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("表現チェック"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "wording/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            checks = checks_for_page(page, self.request)
            open_findings, dismissed = page_findings(page, checks)
            context.update(
                page=page,
                findings=[(item, item.finding.rule.source_for(checks.profession)) for item in open_findings],
                dismissed=dismissed,
                strict=checks.strict,
                profession=checks.profession,
            )
            return context


def add_findings_panel():
    """Put the panel first in each checked page type's content panels.
    Done from this app, so the page apps need not know the checks exist."""
    for label in CHECKED_PAGE_TYPES:
        model = apps.get_model(label)
        if not any(isinstance(panel, FindingsPanel) for panel in model.content_panels):
            model.content_panels = [FindingsPanel(), *model.content_panels]
