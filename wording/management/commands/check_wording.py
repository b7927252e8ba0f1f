"""check_wording: the wording checks from the command line.

    check_wording [--profession seitai|judo|ahaki|medical|pt] [--json] [FILE|-]
    check_wording --site [--profession …] [--json]

Text is read as UTF-8, one paragraph a line. Exit status: 1 when something
was found, 0 when nothing was, 2 on bad usage (unknown profession,
unreadable file, text that is not UTF-8)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from wagtail.models import Site

from wording.audit import audit
from wording.checker import check_text
from wording.rules import PROFESSION_CODES, rules_for
from wording.site import DEFAULT_PROFESSION, ClinicChecks, clinic_checks


class UsageError(CommandError):
    def __init__(self, message):
        super().__init__(message, returncode=2)


class Command(BaseCommand):
    help = "記事の表現をチェックし、注意が必要な表現の可能性がある箇所を示します（法的な判断ではありません）。"

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="UTF-8のテキスト（1行に1段落）。- または省略で標準入力。")
        parser.add_argument("--profession", help="seitai, judo, ahaki, medical, pt（省略時は院の設定）")
        parser.add_argument("--json", action="store_true", help="1行に1つ、JSONで出力します。")
        parser.add_argument("--site", action="store_true", help="公開中のすべての記事とページを調べます。")

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = lambda message: self.usage_error(parser, message)
        return parser

    def usage_error(self, parser, message):
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"{message}\n")
        sys.exit(2)

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except UsageError as error:
            self.stderr.write(str(error))
            sys.exit(2)

    def handle(self, *args, **options):
        profession = options["profession"]
        if profession is not None and profession not in PROFESSION_CODES:
            raise UsageError(f"--profession は {', '.join(PROFESSION_CODES)} のいずれかです（{profession!r} は使えません）。")
        try:
            site = Site.objects.filter(is_default_site=True).first()
            checks = clinic_checks(site, profession)
        except DatabaseError as error:
            if options["site"]:
                raise UsageError(f"データベースを読めません（manage.py migrate は済んでいますか）: {error}") from error
            # Plain text needs no database: Teate's default rules, unchanged.
            checks = ClinicChecks(profession or DEFAULT_PROFESSION, False, rules_for(profession or DEFAULT_PROFESSION))
            self.stderr.write("データベースを読めないため、院の設定と独自ルールなしで調べます。")
        found = self.check_site(checks, options["json"]) if options["site"] else self.check_lines(options, checks)
        if found:
            sys.exit(1)

    def read_lines(self, name):
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as source:
                    data = source.read()
            return data.decode("utf-8").removeprefix("\ufeff").splitlines()
        except OSError as error:
            raise UsageError(f"{name} を読めません: {error.strerror}") from error
        except UnicodeDecodeError as error:
            raise UsageError(f"{name} はUTF-8ではありません（{error.start}バイト目）。") from error

    def check_lines(self, options, checks):
        found = False
        for number, line in enumerate(self.read_lines(options["file"]), start=1):
            findings = check_text(line, checks.rules)
            found = found or bool(findings)
            if options["json"]:
                entry = {"line": number, "findings": [finding.as_dict(checks.profession) for finding in findings]}
                self.stdout.write(json.dumps(entry, ensure_ascii=False))
            else:
                for finding in findings:
                    self.stdout.write(
                        f"{number}:{finding.start}-{finding.end}: 「{finding.match}」 {finding.rule.category}"
                        f"（{finding.rule.id}） {finding.rule.explanation} 根拠: {finding.rule.source_for(checks.profession)}"
                    )
        return found

    def check_site(self, checks, as_json):
        results = audit(checks, use_cache=False)
        for result in results:
            page = result.page
            for item in result.findings:
                if as_json:
                    entry = {"page": page.pk, "title": page.title, "url": page.url_path, "field": item.field}
                    entry.update(item.finding.as_dict(checks.profession))
                    self.stdout.write(json.dumps(entry, ensure_ascii=False))
                else:
                    self.stdout.write(f"{page.title}\t{item.field}\t「{item.finding.match}」\t{item.finding.rule.category}")
        if not as_json:
            pages = len(results)
            count = sum(len(result.findings) for result in results)
            self.stderr.write(f"注意が必要な表現の可能性: {pages}ページ・{count}件（法的な判断ではありません）")
        return bool(results)
