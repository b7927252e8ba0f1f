"""python manage.py import_wordpress EXPORT.xml [--media DIR] [--dry-run] [--overwrite]"""

from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import Importer, ImportRefused
from wordpress.wxr import WXRError


class Command(BaseCommand):
    help = "WordPressのエクスポートファイル（WXR）から記事・固定ページ・画像を取り込みます。"

    def add_arguments(self, parser):
        parser.add_argument("export", help="「ツール → エクスポート」で作ったXMLファイル")
        parser.add_argument("--media", help="wp-content/uploads フォルダのコピー（画像はここから読み込みます）")
        parser.add_argument("--dry-run", action="store_true", help="何も保存せず、結果だけ表示します")
        parser.add_argument(
            "--overwrite", action="store_true", help="取り込み後にTeateで編集されたページも上書きします"
        )

    def handle(self, *args, **options):
        show_bar = options["verbosity"] >= 1 and self.stdout.isatty()
        importer = Importer(
            options["export"],
            options["media"],
            dry_run=options["dry_run"],
            overwrite=options["overwrite"],
            progress=self.progress_bar if show_bar else None,
        )
        try:
            report = importer.run()
        except (WXRError, ImportRefused) as error:
            raise CommandError(f"取り込みを中止しました。何も保存していません: {error}") from None
        if show_bar:
            self.stdout.write("")
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("取り込みが終わりました。"))

    def progress_bar(self, done, total):
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
