"""manage.py backup DIR: the database and the uploaded files, consistent with
each other, into a new directory (backups/archive.py, docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from backups import archive


class Command(BaseCommand):
    help = "データベースとアップロードされたファイルを、新しいディレクトリにバックアップします。"

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a new (or empty) directory to write the backup to")

    def handle(self, *, directory, **options):
        try:
            manifest = archive.backup(directory)
        except archive.BackupError as error:
            raise CommandError(str(error)) from None
        for path in manifest.missing:
            self.stderr.write(f"データベースにあるファイルがメディアにありません（削除済み？）: {path}")
        self.stdout.write(
            f"{manifest.directory} にバックアップしました（{manifest.engine}、ファイル {len(manifest.media)} 個）。"
        )
