"""The admin's import, run as a background task (django_tasks, as Wagtail 8
uses it). Progress goes to the cache, not the database: the import writes in
one transaction, which no other connection can see into until it ends."""

import logging
import tempfile

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from . import uploads
from .importer import Importer, ImportRefused
from .models import ImportRun
from .wxr import WXRError

logger = logging.getLogger(__name__)


def progress_key(run_id):
    return f"wordpress-import-progress:{run_id}"


def progress_of(run):
    """(done, total) for a running import, from the cache."""
    return cache.get(progress_key(run.pk)) or (run.done, run.total)


@task()
def import_wordpress(run_id):
    run = ImportRun.objects.get(pk=run_id)
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    workdir = tempfile.mkdtemp(prefix="teate-wp-uploads-")

    def progress(done, total):
        if done == total or done % 10 == 0:
            cache.set(progress_key(run_id), (done, total), 60 * 60)

    try:
        media = None
        if run.uploads_zip:
            media = uploads.extract(run.uploads_zip.path, workdir, settings.WORDPRESS_IMPORT_MAX_UNZIPPED_BYTES)
        importer = Importer(
            run.export_file.path, media, dry_run=run.dry_run, overwrite=run.overwrite, progress=progress
        )
        report = importer.run()
        run.status = ImportRun.Status.DONE
        run.report = report.as_dict()
        run.done = run.total = importer.total
    except (WXRError, ImportRefused, uploads.UnsafeZip) as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
    except Exception:
        logger.exception("WordPress import %s failed", run_id)
        run.status = ImportRun.Status.FAILED
        run.error = _("予期しないエラーで中止しました。何も保存していません。管理者にお問い合わせください。")
    finally:
        uploads.remove(workdir)
        cache.delete(progress_key(run_id))
    # The export holds drafts and private posts: keep the report, not the files.
    for field in (run.export_file, run.uploads_zip):
        if field:
            field.delete(save=False)
    run.finished_at = timezone.now()
    run.save()
