"""Run Wagtail's publish_scheduled every few seconds, so scheduled articles go
live and expired ones go away within a minute with nobody typing a command,
and the other commands in settings.SCHEDULED_COMMANDS each round (the
contact form's mail retries and retention). The `scheduler` service in
docker-compose.yml and `make demo` run it."""

import signal
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections


class Command(BaseCommand):
    help = "予約公開と公開終了（publish_scheduled）など、SCHEDULED_COMMANDS のコマンドを数秒おきに実行します。"

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=15.0, help="seconds between two runs (default 15)")
        parser.add_argument("--runs", type=int, default=0, help="stop after this many runs (default: never)")

    def handle(self, *, interval, runs, **options):
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            # docker stop and make's Ctrl-C end the loop between two runs.
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        done = 0
        while not stop.is_set():
            for name in settings.SCHEDULED_COMMANDS:
                self.run(name)
            done += 1
            if runs and done >= runs:
                break
            stop.wait(interval)

    def run(self, name):
        """One command; its failure is reported and the others still run."""
        close_old_connections()
        try:
            call_command(name, stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # a part may fail: the next round tries again
            self.stderr.write(f"{name}: {type(error).__name__}: {error}")
        finally:
            close_old_connections()
