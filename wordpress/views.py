"""The admin's WordPress import: upload, then watch it run and read the report."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_required

from .forms import ImportForm
from .models import ImportRun
from .report import report_lines
from .tasks import import_wordpress, progress_of

PERMISSION = "wordpress.add_importrun"


@permission_required(PERMISSION)
def index(request):
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            run = form.save(commit=False)
            run.user = request.user
            run.save()
            import_wordpress.enqueue(run.pk)
            messages.success(request, _("取り込みを開始しました。"))
            return redirect("wordpress_import:run", run.pk)
    else:
        form = ImportForm()
    runs = ImportRun.objects.select_related("user")[:20]
    return TemplateResponse(request, "wordpress/admin/index.html", {"form": form, "runs": runs})


@permission_required(PERMISSION)
def run(request, pk):
    run = get_object_or_404(ImportRun, pk=pk)
    done, total = progress_of(run) if not run.finished else (run.done, run.total)
    context = {
        "run": run,
        "done": done,
        "total": total,
        "percent": int(done * 100 / total) if total else 0,
        "lines": report_lines(run.report) if run.report else [],
    }
    return TemplateResponse(request, "wordpress/admin/run.html", context)
