"""What the browser tests need from the machine, checked once: Debian's
Chromium, and Japanese fonts (fonts-noto-cjk). Without the fonts Chromium
still runs, but draws every kanji as a box of one width, so the line-break
and layout tests would measure the wrong thing and fail for no reason of
Teate's ("the title fits on one line"). Either missing skips the browser
tests with this message; TEATE_REQUIRE_BROWSER=1 (.ci/run) makes it a failure."""

import functools
import os
import shutil
import subprocess

CHROMIUM = "/usr/bin/chromium"


@functools.cache
def japanese_fonts():
    """The font files fontconfig offers for Japanese (`fc-list :lang=ja`)."""
    if shutil.which("fc-list") is None:
        return []
    listed = subprocess.run(["fc-list", ":lang=ja", "file"], capture_output=True, text=True, check=False)
    return [line for line in listed.stdout.splitlines() if line.strip()]


def missing():
    """Why the browser tests cannot run here, in Japanese and naming the Debian package; "" when they can."""
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} がありません（ブラウザテストには Debian の chromium パッケージが必要です）"
    if not japanese_fonts():
        return (
            "日本語フォントがありません（`fc-list :lang=ja` が空です）。"
            "ブラウザテストには Debian の fonts-noto-cjk パッケージが必要です: apt-get install fonts-noto-cjk"
        )
    return ""


def required():
    return os.environ.get("TEATE_REQUIRE_BROWSER") == "1"
