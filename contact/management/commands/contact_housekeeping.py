"""Run by the scheduler every round (settings.SCHEDULED_COMMANDS)."""

from django.core.management.base import BaseCommand

from contact import outbox, retention


class Command(BaseCommand):
    help = "お問い合わせの未送信メールを再送し、保存期間を過ぎたお問い合わせを削除します。"

    def handle(self, **options):
        sent, waiting = outbox.send_due()
        deleted = retention.delete_expired()
        if sent or waiting or deleted:
            self.stdout.write(f"お問い合わせ: メール送信 {sent} 件、未送信 {waiting} 件、期限切れの削除 {deleted} 件")
