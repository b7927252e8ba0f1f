"""A machine with Chromium but no Japanese fonts (no fonts-noto-cjk) is told
so: the browser tests skip naming the package, or fail under
TEATE_REQUIRE_BROWSER=1, instead of failing a layout test for a reason
that is not Teate's. Run in a child pytest whose fontconfig knows no fonts."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.requirements import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} がありません")


def run_smoke_without_fonts(tmp_path, **env):
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>')
    environment = {**os.environ, "FONTCONFIG_FILE": str(config), "XDG_CACHE_HOME": str(tmp_path), **env}
    environment.pop("DATABASE_URL", None)  # a throwaway SQLite database, whatever this run uses
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsf",
               "tests/browser/test_smoke.py", "-k", "not query"]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)


def test_browser_tests_skip_and_name_the_font_package_when_japanese_fonts_are_missing(tmp_path):
    result = run_smoke_without_fonts(tmp_path, TEATE_REQUIRE_BROWSER="0")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped" in result.stdout
    assert "日本語フォントがありません" in result.stdout and "fonts-noto-cjk" in result.stdout
    assert "browser tests: SKIPPED, 日本語フォントがありません" in result.stdout  # the run's header says so too


def test_missing_japanese_fonts_fail_the_run_when_the_browser_is_required(tmp_path):
    result = run_smoke_without_fonts(tmp_path, TEATE_REQUIRE_BROWSER="1")

    assert result.returncode != 0
    assert "fonts-noto-cjk" in result.stdout
    assert re.search(r"\b2 (failed|errors)\b", result.stdout), result.stdout[-500:]
