"""A backup: the database and the uploaded files, consistent with each other,
in one directory with a manifest (docs/operations.md, "Backups").

    backup(directory)  -> Manifest   the database, then media, then manifest.json
    read(directory)    -> Manifest   checked: complete, same engine, files intact
    restore(manifest, force)         the database, then media, into this site

The database is copied first, as one consistent snapshot (SQLite's online
backup API; `pg_dump`, which reads one transaction). The media are copied
after it, so every file the snapshot names had been uploaded by then; the
manifest is written last and lists each file with its SHA-256, and the files
the snapshot names that were gone (deleted meanwhile) under "missing".
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
# Where Wagtail keeps the paths of uploaded files (relative to MEDIA_ROOT).
FILE_COLUMNS = [("wagtailimages_image", "file"), ("wagtailimages_rendition", "file"), ("wagtaildocs_document", "file")]


class BackupError(Exception):
    """Something the operator must fix; the message says what, in Japanese."""


@dataclass
class Manifest:
    directory: Path
    engine: str
    created: str
    database: str
    database_sha256: str
    media: dict = field(default_factory=dict)  # relative path -> sha256
    missing: list = field(default_factory=list)
    migrations: dict = field(default_factory=dict)  # app -> last applied migration
    format: int = FORMAT

    def as_json(self):
        return json.dumps({k: v for k, v in asdict(self).items() if k != "directory"}, ensure_ascii=False, indent=2)


def backup(directory):
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(_("バックアップ先 %(dir)s は空ではありません。空のディレクトリか、新しい名前を指定してください。") % {"dir": directory})
    engine = connection.vendor
    if engine not in DATABASE_FILES:
        raise BackupError(_("%(engine)s のデータベースには対応していません（SQLite と PostgreSQL のみ）。") % {"engine": engine})
    directory.mkdir(parents=True, exist_ok=True)
    database = directory / DATABASE_FILES[engine]
    referenced = _dump_sqlite(database) if engine == "sqlite" else _dump_postgresql(database)
    media = _copy_tree(Path(settings.MEDIA_ROOT), directory / MEDIA)
    manifest = Manifest(
        directory=directory,
        engine=engine,
        created=timezone.now().isoformat(),
        database=database.name,
        database_sha256=_sha256(database),
        media=media,
        missing=sorted(set(referenced) - set(media)),
        migrations=_last_migrations(),
    )
    (directory / MANIFEST).write_text(manifest.as_json(), encoding="utf-8")
    return manifest


def read(directory):
    """The manifest of a complete, intact backup this site's database can take."""
    directory = Path(directory)
    if not directory.is_dir():
        raise BackupError(_("バックアップ %(dir)s がありません。") % {"dir": directory})
    try:
        values = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(directory=directory, **values)
    except (OSError, ValueError, TypeError):
        raise BackupError(_("%(dir)s に manifest.json がないか、読めません。backup で作ったディレクトリを指定してください。") % {"dir": directory}) from None
    if manifest.format != FORMAT:
        raise BackupError(_("このバックアップの形式（%(format)s）には対応していません。") % {"format": manifest.format})
    if manifest.engine != connection.vendor:
        raise BackupError(
            _("このバックアップは %(backup)s のデータベースのものです。このサイトは %(site)s なので戻せません。")
            % {"backup": manifest.engine, "site": connection.vendor}
        )
    damaged = [manifest.database] if _sha256(directory / manifest.database) != manifest.database_sha256 else []
    damaged += [path for path, digest in manifest.media.items() if _sha256(directory / MEDIA / path) != digest]
    if damaged:
        raise BackupError(_("バックアップのファイルが壊れているか、足りません: %(files)s") % {"files": ", ".join(damaged[:5])})
    return manifest


def restore(manifest, force=False):
    media_root = Path(settings.MEDIA_ROOT)
    if not force:
        if connection.introspection.table_names():
            raise BackupError(_("このサイトのデータベースは空ではありません。上書きするときは --force を付けてください。"))
        if media_root.exists() and any(media_root.iterdir()):
            raise BackupError(_("メディアの置き場所 %(dir)s は空ではありません。上書きするときは --force を付けてください。") % {"dir": media_root})
    database = manifest.directory / manifest.database
    if manifest.engine == "sqlite":
        _load_sqlite(database)
    else:
        _load_postgresql(database, clean=force)
    if (manifest.directory / MEDIA).is_dir():
        shutil.copytree(manifest.directory / MEDIA, media_root, dirs_exist_ok=True)


def pending_migrations():
    """Migrations the code has that the restored database has not: the
    backup came from an older Teate, and `migrate` comes next."""
    executor = MigrationExecutor(connection)
    return [f"{migration.app_label}.{migration.name}" for migration, _ in executor.migration_plan(executor.loader.graph.leaf_nodes())]


def _dump_sqlite(target):
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
        return _referenced_files(copy.cursor())


def _load_sqlite(source):
    connection.ensure_connection()
    with sqlite3.connect(source) as backup_copy:
        backup_copy.backup(connection.connection)
    connection.close()


def _dump_postgresql(target):
    """pg_dump reads the snapshot this transaction exports, so the files it
    names are listed from exactly what is dumped."""
    with connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            referenced = _referenced_files(cursor)
            _run_postgres_tool("pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", str(target))
        finally:
            cursor.execute("ROLLBACK")
    return referenced


def _load_postgresql(source, clean):
    options = ["--clean", "--if-exists"] if clean else []
    _run_postgres_tool("pg_restore", "--no-owner", "--no-privileges", "--single-transaction", *options, str(source))
    connection.close()


def _run_postgres_tool(tool, *args):
    db = connection.settings_dict
    environment = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    command = [postgres_tool(tool), "--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432),
               "--username", db.get("USER") or "postgres", "--dbname", db["NAME"], *args]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(_("%(tool)s が失敗しました: %(error)s") % {"tool": tool, "error": result.stderr.strip()[-500:]})


def postgres_tool(name):
    """pg_dump / pg_restore: Debian's newest under /usr/lib/postgresql, else PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])) or []
    path = str(found[-1]) if found else shutil.which(name)
    if not path:
        raise BackupError(_("%(tool)s が見つかりません（Debian のパッケージ postgresql-client）。") % {"tool": name})
    return path


def _referenced_files(cursor):
    names = []
    for table, column in FILE_COLUMNS:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 (our own constants)
        names += [row[0] for row in cursor.fetchall() if row[0]]
    return names


def _copy_tree(source, target):
    """Copy every file; {relative path: sha256} of what was copied."""
    copied = {}
    if not source.is_dir():
        return copied
    for path in sorted(source.rglob("*")):
        if path.is_file():
            relative = path.relative_to(source).as_posix()
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target / relative)
            copied[relative] = _sha256(target / relative)
    return copied


def _sha256(path):
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _last_migrations():
    last = {}
    for app, name in MigrationRecorder.Migration.objects.order_by("app", "name").values_list("app", "name"):
        last[app] = name  # zero-padded names sort in order
    return last
