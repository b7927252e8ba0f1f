from django.core.management.base import BaseCommand
from wagtail.models import Site

from demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, REVIEWER_PASSWORD, REVIEWER_USERNAME, load


class Command(BaseCommand):
    help = (
        "デモ用のホーム・ブログ・著者・カテゴリー・記事のうち、まだないものだけを追加します。"
        "既存のパスワード・サイト・設定・記事は変更しません。デモ用です。"
    )

    def handle(self, *args, **options):
        result = load()
        self.stdout.write(
            self.style.SUCCESS(f"デモ記事: {result['articles']} 件（今回追加 {result['created']} 件）")
        )
        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site else ""
        self.stdout.write(f"サイト:   {base}/")
        if result["admin_created"]:
            self.stdout.write(f"管理画面: {base}/admin/  ユーザー名: {ADMIN_USERNAME}  パスワード: {ADMIN_PASSWORD}")
        else:
            self.stdout.write(f"管理画面: {base}/admin/  （既存の管理ユーザーでログインしてください）")
        if result["reviewer_created"]:
            self.stdout.write(f"監修する医師: ユーザー名: {REVIEWER_USERNAME}  パスワード: {REVIEWER_PASSWORD}")
        if result["approved"]:
            self.stdout.write(f"監修ワークフローで承認した記事: {result['approved']} 件")
