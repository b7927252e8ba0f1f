import os

from django.core.management.base import BaseCommand

from demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, load


class Command(BaseCommand):
    help = "デモ用のホーム・ブログ・著者・カテゴリー・記事を読み込みます（何度実行しても同じ結果になります）。"

    def handle(self, *args, **options):
        result = load()
        self.stdout.write(
            self.style.SUCCESS(f"デモ記事: {result['articles']} 件（今回追加 {result['created']} 件）")
        )
        base = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        self.stdout.write(f"サイト:   {base}/")
        self.stdout.write(f"管理画面: {base}/admin/  ユーザー名: {ADMIN_USERNAME}  パスワード: {ADMIN_PASSWORD}")
