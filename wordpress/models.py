"""What the importer remembers: which Teate object each WordPress object
became (so a second run updates instead of duplicating), and each import
started from the admin."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """One WordPress object (post, page, attachment, author, term) and the
    Teate object it became. `source` is the exported site's base URL, so two
    WordPress sites imported into one Teate never share IDs."""

    class Kind(models.TextChoices):
        POST = "post", _("投稿")
        PAGE = "page", _("固定ページ")
        ATTACHMENT = "attachment", _("メディア")
        AUTHOR = "author", _("著者")
        CATEGORY = "category", _("カテゴリー")
        TAG = "tag", _("タグ")

    source = models.CharField(_("移行元サイト"), max_length=255)
    kind = models.CharField(_("種類"), max_length=20, choices=Kind.choices)
    wp_id = models.CharField(_("WordPressのID"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # What the source looked like at the last import: an unchanged item is skipped.
    source_hash = models.CharField(max_length=64, blank=True)
    # The page revision the import left; any other latest revision means an
    # editor has changed the page since, and a re-import must not overwrite it.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(_("取り込んだ日時"), auto_now=True)

    class Meta:
        verbose_name = _("WordPressから取り込んだデータ")
        verbose_name_plural = _("WordPressから取り込んだデータ")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "wp_id"], name="unique_imported_object"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id}"


def upload_storage():
    """Uploaded exports are kept outside MEDIA_ROOT: they hold drafts and
    private posts, and must never be served. A callable, so migrations name
    it rather than one machine's folder."""
    return FileSystemStorage(location=settings.WORDPRESS_IMPORT_ROOT)


def upload_path(run, filename):
    # Long names from a practitioner's desktop must not overflow the column.
    stem, dot, extension = filename.rpartition(".")
    return f"{run.token}/{stem[:80]}{dot}{extension[:10]}"


class ImportRun(models.Model):
    """An import started from the admin: its files, progress and report."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("待機中")
        RUNNING = "running", _("取り込み中")
        DONE = "done", _("完了")
        FAILED = "failed", _("失敗")

    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_at = models.DateTimeField(_("開始日時"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("実行した人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    export_file = models.FileField(
        _("エクスポートファイル"), storage=upload_storage, upload_to=upload_path, max_length=255
    )
    uploads_zip = models.FileField(
        _("uploadsフォルダのzip"), storage=upload_storage, upload_to=upload_path, blank=True, max_length=255
    )
    dry_run = models.BooleanField(_("試しに実行（保存しない）"), default=False)
    overwrite = models.BooleanField(_("編集済みのページも上書きする"), default=False)
    status = models.CharField(_("状態"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(_("結果"), default=dict, blank=True)
    error = models.TextField(_("エラー"), blank=True)
    finished_at = models.DateTimeField(_("終了日時"), null=True, blank=True)

    class Meta:
        verbose_name = _("WordPressの取り込み")
        verbose_name_plural = _("WordPressの取り込み")
        ordering = ["-created_at"]
        # add_importrun (Django's default) is the permission that opens the menu.

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_status_display()}"

    @property
    def percent(self):
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
