"""Run Wagtail's publish_scheduled every few seconds, so scheduled articles go
live and expired ones go away within a minute with nobody typing a command.
The `scheduler` service in docker-compose.yml and `make demo` run it."""

import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections


class Command(BaseCommand):
    help = "予約公開と公開終了を数秒おきに実行します（publish_scheduled の繰り返し）。"

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
            close_old_connections()
            try:
                call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            finally:
                close_old_connections()
            done += 1
            if runs and done >= runs:
                break
            stop.wait(interval)
