"""Attachments: found in a local copy of wp-content/uploads, never fetched.

A post may point at an attachment by its ID (`wp-image-123`, `_thumbnail_id`)
or by URL, often a resized copy (`knee-1024x683.jpg`) of the original. Each
file becomes one Wagtail image (or document) the first time something needs
it, and is remembered, so a second import reuses it.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


SIZED = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
UPLOADS = "/wp-content/uploads/"


@dataclass(frozen=True)
class Attachment:
    wp_id: str
    path: str  # relative to uploads, from _wp_attached_file
    title: str = ""
    alt: str = ""


def upload_path(url):
    """The part of an uploads URL after `wp-content/uploads/`, decoded."""
    path = unquote(urlsplit(url).path)
    if UPLOADS in path:
        return path.split(UPLOADS, 1)[1]
    return None


def safe_join(root, relative):
    """root/relative, or None when `relative` would leave root (`../`,
    absolute paths, symlinks pointing out)."""
    if not relative or "\0" in relative:
        return None
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    if not parts or parts[0] == "/" or ".." in parts:
        return None
    candidate = Path(root, *parts).resolve()
    root = Path(root).resolve()
    if not candidate.is_relative_to(root) or candidate == root:
        return None
    return candidate


def attachment_path(item):
    """Where an attachment item's file is, relative to uploads."""
    return (item.meta.get("_wp_attached_file") or upload_path(item.attachment_url or item.guid) or "").strip()


def _extension(path):
    return os.path.splitext(path)[1].lower().lstrip(".")


class MediaLibrary:
    """The export's attachments (scan.Scan.attachments), each imported as a
    Wagtail image or document the first time a post needs it."""

    def __init__(self, records, attachments, media_dir, report):
        self.records = records
        self.media_dir = media_dir
        self.report = report
        self.attachments = attachments  # wp_id → Attachment
        self.by_path = {}  # relative path → wp_id
        for wp_id, attachment in attachments.items():
            if attachment.path:
                self.by_path[attachment.path] = wp_id
                self.by_path.setdefault(SIZED.sub("", attachment.path), wp_id)
        self.written = []  # storage names created in this run, removed on rollback
        self._cache = {}

    def find(self, wp_id=None, url=""):
        """The image for an attachment ID or an uploads URL, or None."""
        if wp_id and wp_id in self.attachments:
            return self.get(wp_id, want_image=True)
        path = upload_path(url) if url else None
        if path is None:
            if url:
                self.report.missing(url)
            return None
        wp_id = self.by_path.get(path) or self.by_path.get(SIZED.sub("", path))
        if wp_id:
            return self.get(wp_id, want_image=True)
        return self._object(f"file:{SIZED.sub('', path)}", SIZED.sub("", path), "", "", want_image=True)

    def url_for(self, url):
        """An uploads URL → the imported file's URL here, or None."""
        path = upload_path(url)
        if path is None:
            return None
        wp_id = self.by_path.get(path) or self.by_path.get(SIZED.sub("", path))
        obj = self.get(wp_id) if wp_id else self._object(f"file:{path}", path, "", "")
        if obj is None:
            return None
        return obj.file.url if hasattr(obj, "get_rendition") else obj.url

    def get(self, wp_id, want_image=False):
        attachment = self.attachments[wp_id]
        return self._object(wp_id, attachment.path, attachment.title, attachment.alt, want_image)

    def _object(self, wp_id, path, title, alt, want_image=False):
        if wp_id not in self._cache:
            self._cache[wp_id] = self._load(wp_id, path, title, alt)
        obj = self._cache[wp_id]
        return None if want_image and not hasattr(obj, "get_rendition") else obj

    def _load(self, wp_id, path, title, alt):
        existing = self.records.get("attachment", wp_id)
        if existing is not None:
            self.report.count("attachment", "unchanged")
            return existing
        if not path:
            self.report.missing(f"ID {wp_id}")
            return None
        if self.media_dir is None:
            self.report.missing(path)
            return None
        file_path = safe_join(self.media_dir, path)
        if file_path is None:
            self.report.skip(_("uploadsフォルダの外を指すパス"))
            return None
        if not file_path.is_file():
            # Only a resized copy may have been kept.
            self.report.missing(path)
            return None
        extension = _extension(path)
        try:
            with transaction.atomic():
                if extension in settings.WAGTAILIMAGES_EXTENSIONS:
                    obj = self._image(file_path, title, alt)
                elif extension in settings.WAGTAILDOCS_EXTENSIONS:
                    obj = self._document(file_path, title)
                else:
                    self.report.skip(_("取り込めない形式のファイル（.%(ext)s）") % {"ext": extension})
                    return None
        except (OSError, ValueError, DatabaseError):
            # One odd file must not stop the import.
            self.report.skip(_("保存できなかったメディアファイル"))
            self.report.missing(path)
            return None
        if obj is not None:
            self.written.append((obj.file.storage, obj.file.name))
            self.records.set("attachment", wp_id, obj)
            self.report.count("attachment", "created")
        return obj

    def _image(self, file_path, title, alt):
        try:
            with PILImage.open(file_path) as picture:
                picture.verify()
        except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
            self.report.skip(_("壊れた画像ファイル"))
            self.report.missing(file_path.name)
            return None
        with open(file_path, "rb") as handle:
            image = get_image_model()(title=(title or file_path.stem)[:255], description=alt[:255])
            image.file = File(handle, name=file_path.name)
            image.save()
        return image

    def _document(self, file_path, title):
        with open(file_path, "rb") as handle:
            document = get_document_model()(title=(title or file_path.stem)[:255])
            document.file = File(handle, name=file_path.name)
            document.save()
        return document

    def discard_written(self):
        """After a rollback: the files saved for rows that no longer exist."""
        for storage, name in self.written:
            storage.delete(name)
        self.written = []
