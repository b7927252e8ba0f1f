import time

from django.core.management.base import BaseCommand

from blog.search.index import rebuild


class Command(BaseCommand):
    help = "記事の検索インデックスを作り直します（公開中の記事のみ）。"

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild()
        self.stdout.write(f"{count} articles indexed in {time.perf_counter() - started:.1f} s")
