"""What an import did, per kind of object, and what needs a person's look."""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# kind → label shown in the report.
KINDS = {
    "post": gettext_lazy("投稿"),
    "page": gettext_lazy("固定ページ"),
    "attachment": gettext_lazy("メディア"),
    "author": gettext_lazy("著者"),
    "category": gettext_lazy("カテゴリー"),
    "tag": gettext_lazy("タグ"),
    "redirect": gettext_lazy("リダイレクト"),
}
ACTIONS = {
    "created": gettext_lazy("新規"),
    "updated": gettext_lazy("更新"),
    "unchanged": gettext_lazy("変更なし"),
    "skipped": gettext_lazy("スキップ"),
}
LIST_LIMIT = 200


class Report:
    def __init__(self):
        self.counts = Counter()  # (kind, action)
        self.skipped = Counter()  # reason → count
        self.unknown = Counter()  # block or shortcode name → count
        self.missing_media = []
        self.edited = []  # titles of pages an editor changed since the last import
        self.redirects = []  # (old path, new url), capped
        self.dry_run = False

    def count(self, kind, action):
        self.counts[kind, action] += 1

    def skip(self, reason):
        self.skipped[reason] += 1

    def missing(self, path):
        if path not in self.missing_media and len(self.missing_media) < LIST_LIMIT:
            self.missing_media.append(path)

    def redirect(self, old, new):
        if len(self.redirects) < LIST_LIMIT:
            self.redirects.append((old, new))

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "counts": [
                {"kind": str(KINDS[kind]), **{a: self.counts[kind, a] for a in ACTIONS}}
                for kind in KINDS
                if any(self.counts[kind, a] for a in ACTIONS)
            ],
            "skipped": sorted(self.skipped.items()),
            "unknown": self.unknown.most_common(),
            "missing_media": self.missing_media,
            "edited": self.edited,
            "redirects": self.redirects,
        }

    def lines(self):
        """The report as the command prints it (and the admin shows it)."""
        return report_lines(self.as_dict())


def report_lines(data):
    lines = []
    if data.get("dry_run"):
        lines.append(_("※ 試しに実行しました。何も保存していません。"))
    for row in data.get("counts", []):
        parts = "、".join(f"{label} {row[action]}" for action, label in ACTIONS.items() if row[action])
        lines.append(f"{row['kind']}: {parts}")
    if data.get("skipped"):
        lines.append(_("取り込まなかったもの:"))
        lines += [f"  {reason}: {count}" for reason, count in data["skipped"]]
    if data.get("edited"):
        lines.append(_("Teateで編集されているため上書きしなかったページ（--overwrite で上書き）:"))
        lines += [f"  {title}" for title in data["edited"]]
    if data.get("unknown"):
        lines.append(_("変換できなかったブロック・ショートコード（文章だけ残しました）:"))
        lines += [f"  {name}: {count}" for name, count in data["unknown"]]
    if data.get("missing_media"):
        lines.append(_("見つからなかったメディアファイル:"))
        lines += [f"  {path}" for path in data["missing_media"]]
    if data.get("redirects"):
        lines.append(_("作成したリダイレクト（301）:"))
        lines += [f"  {old} → {new}" for old, new in data["redirects"]]
    return lines
