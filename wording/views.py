"""The admin's screens: setting one finding aside for one page, and the
site audit as a report (レポート › 表現チェック)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from .audit import audit
from .models import Dismissal
from .site import checks_for_page, clinic_checks, page_findings


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("見送る理由"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("例: 医師の監修を受け、根拠となる論文を記事内で示しているため。"),
    )


def dismiss(request, page_id):
    """Set one finding of the page's latest draft aside, with a reason."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    rule_id = request.GET.get("rule") or request.POST.get("rule", "")
    match = request.GET.get("match") or request.POST.get("match", "")
    open_findings, _dismissed = page_findings(draft, checks_for_page(page, request))
    finding = next((item for item in open_findings if item.key == (rule_id, match)), None)
    if finding is None:
        raise Http404(_("この注意は見つかりません（すでに見送ったか、表現が変わっています）。"))
    form = DismissForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Dismissal.objects.get_or_create(
            page=page, rule_id=rule_id, match=match,
            defaults={"reason": form.cleaned_data["reason"], "user": request.user},
        )
        messages.success(request, _("「%(match)s」の注意を見送りにしました。") % {"match": match})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "wording/dismiss.html",
        {"page": page, "finding": finding, "form": form, "rule_id": rule_id, "match": match},
    )


class WordingReportView(ReportView):
    """Every live page with a finding: the list a practice works through
    after importing its WordPress years."""

    page_title = gettext_lazy("表現チェック")
    header_icon = "warning"
    template_name = "wording/report.html"
    results_template_name = "wording/report_results.html"
    index_url_name = "wording_report"
    index_results_url_name = "wording_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50

    def get_queryset(self):
        checks = clinic_checks(Site.find_for_request(self.request))
        self.profession = checks.profession
        return audit(checks)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profession"] = self.profession
        context["edit_url_name"] = "wagtailadmin_pages:edit"
        return context
