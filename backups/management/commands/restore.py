"""manage.py restore DIR: a backup made by `manage.py backup` into this site's
(empty) database and media, then every cache purged (backups/archive.py,
docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from backups import archive
from serving import tags
from serving.purge import purge


class Command(BaseCommand):
    help = "backup で作ったバックアップを、空のデータベースとメディアに戻します。"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a directory written by manage.py backup")
        parser.add_argument(
            "--force", action="store_true", help="overwrite a database and media that are not empty"
        )

    def handle(self, *, directory, force, **options):
        try:
            manifest = archive.read(directory)
            archive.restore(manifest, force=force)
        except archive.BackupError as error:
            raise CommandError(str(error)) from None
        # Pages and pieces kept in Redis and by the proxies show what was
        # there before: every one of them carries `site`.
        purge({tags.SITE})
        self.stdout.write(f"{manifest.directory} から戻しました（{manifest.created} のバックアップ）。")
        pending = archive.pending_migrations()
        if pending:
            self.stdout.write(f"このコードの方が新しいので、続けて manage.py migrate を実行してください（{len(pending)} 件）。")
