from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import WordingRuleForm
from .models import DisabledRule, Dismissal, WordingRule
from .views import WordingReportView, dismiss


class WordingRuleViewSet(SnippetViewSet):
    model = WordingRule
    icon = "warning"
    list_display = ["name", "category"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("category"),
            FieldPanel("phrases"),
            FieldPanel("explanation"),
            FieldPanel("source"),
            FieldPanel("professions"),
        ],
        base_form_class=WordingRuleForm,
    )


class DisabledRuleViewSet(SnippetViewSet):
    model = DisabledRule
    icon = "cross"
    list_display = ["rule_id", "reason"]


class RecordsOnlyPolicy(ModelPermissionPolicy):
    """Dismissals are made from a finding in the editor, never from a blank
    form (which could name no page): no 追加 button, and its URL refuses."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Dismissal, RecordsOnlyPolicy(Dismissal))


class DismissalViewSet(SnippetViewSet):
    model = Dismissal
    icon = "check"
    list_display = ["match", "rule_id", "page", "user", "created_at"]
    panels = [FieldPanel("reason")]


class WordingGroup(SnippetViewSetGroup):
    items = (WordingRuleViewSet, DisabledRuleViewSet, DismissalViewSet)
    menu_icon = "warning"
    menu_label = gettext_lazy("表現チェック")
    menu_name = "wording"


register_snippet(WordingGroup)


@hooks.register("register_admin_urls")
def wording_urls():
    return [
        path("wording/dismiss/<int:page_id>/", dismiss, name="wording_dismiss"),
        path("reports/wording/", WordingReportView.as_view(), name="wording_report"),
        path("reports/wording/results/", WordingReportView.as_view(results_only=True), name="wording_report_results"),
    ]


class WordingReportMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def wording_report_menu_item():
    return WordingReportMenuItem(
        gettext_lazy("表現チェック"), reverse("wording_report"), name="wording", icon_name="warning", order=1000
    )


@hooks.register("register_log_actions")
def register_wording_log_actions(actions):
    label = gettext_lazy("注意表現が残るため公開を止めました")
    actions.register_action("wording.publish_refused", label, label)
