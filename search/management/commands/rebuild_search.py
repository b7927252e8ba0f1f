import os
import time

from django.core.management.base import BaseCommand

from search.index import rebuild


class Command(BaseCommand):
    help = "記事の検索インデックスを作り直します（公開中の記事のみ）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers", type=int, default=os.cpu_count() or 1, help="文章を解析するプロセス数（既定: CPU の数）"
        )

    def handle(self, *args, workers, **options):
        started = time.perf_counter()
        count = rebuild(workers=workers)
        self.stdout.write(f"{count} articles indexed in {time.perf_counter() - started:.1f} s ({workers} workers)")
