from django.core.management.base import BaseCommand

from serving.purge import purge


class Command(BaseCommand):
    help = "キャッシュ済みのページをすべて破棄します（Redis とプロキシ）。復元のあとに実行してください。"

    def handle(self, *args, **options):
        # Every cached page carries the "site" tag (serving/tags.py).
        purge({"site"})
        self.stdout.write("キャッシュ済みのページを破棄しました。")
