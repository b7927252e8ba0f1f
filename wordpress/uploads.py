"""The zip of wp-content/uploads sent through the admin, unpacked safely.

Names that would land outside the target (`../`, absolute paths, symlinks)
are refused, and the bytes actually written are counted, so a zip bomb that
lies about its sizes still stops at the limit.
"""

import shutil
import stat
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from .media import safe_join

CHUNK = 1024 * 1024


class UnsafeZip(Exception):
    """The zip is refused; the message says why, in Japanese."""


def check(file, max_unzipped):
    """Validate a zip without unpacking it: names, links and declared sizes."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise UnsafeZip(_("zipファイルとして読み込めません。")) from None
    total = 0
    for member in members:
        if stat.S_ISLNK(member.external_attr >> 16):
            raise UnsafeZip(_("zipにシンボリックリンクが含まれています（%(name)s）。") % {"name": member.filename[:100]})
        if not member.is_dir() and safe_join("/x", member.filename) is None:
            raise UnsafeZip(_("zipにフォルダの外を指す名前が含まれています（%(name)s）。") % {"name": member.filename[:100]})
        total += member.file_size
    if total > max_unzipped:
        raise UnsafeZip(_("zipを展開すると大きすぎます（上限 %(limit)s MB）。") % {"limit": max_unzipped // 2**20})
    return members


def extract(path, target, max_unzipped):
    """Unpack into `target`; returns the folder that holds the year folders
    (the zip may or may not have `uploads/` at its top)."""
    target = Path(target)
    members = check(path, max_unzipped)
    written = 0
    with zipfile.ZipFile(path) as archive:
        for member in members:
            if member.is_dir():
                continue
            destination = safe_join(target, member.filename)
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, open(destination, "wb") as out:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    if written > max_unzipped:
                        raise UnsafeZip(_("zipを展開すると大きすぎます（上限 %(limit)s MB）。") % {"limit": max_unzipped // 2**20})
                    out.write(chunk)
    top = [child for child in target.iterdir()]
    if len(top) == 1 and top[0].is_dir() and not top[0].name.isdigit():
        return top[0]
    return target


def remove(path):
    shutil.rmtree(path, ignore_errors=True)
