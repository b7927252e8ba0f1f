from django.core.management.base import BaseCommand

from serving import tags as cache_tags
from serving.purge import purge


class Command(BaseCommand):
    help = "キャッシュ済みのページをすべて破棄します（Redis とプロキシ）。復元のあとに実行してください。"

    def handle(self, *args, **options):
        # Every cached page carries SITE (serving/declarations.py).
        purge({cache_tags.SITE})
        self.stdout.write("キャッシュ済みのページを破棄しました。")
