"""check_wording: what it prints and how it exits."""

import io
import json
import sys

import pytest
from django.core.management import call_command

from tests.factories import make_article, paragraphs

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    """(exit status, stdout, stderr) of check_wording."""
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    try:
        call_command("check_wording", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return status, out.getvalue(), err.getvalue()


def test_json_gives_one_object_per_line_with_exact_matches_and_offsets(tmp_path):
    text = "膝のストレッチを紹介します。\n重度でなければ膝の痛みは手術しなくても治せます。痛みはなくなります\n"
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    status, out, _err = run("--json", str(path))
    assert status == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [entry["line"] for entry in lines] == [1, 2]
    assert lines[0]["findings"] == []
    second = text.splitlines()[1]
    findings = lines[1]["findings"]
    assert [(f["match"], second[f["start"] : f["end"]]) for f in findings] == [
        ("治せます", "治せます"),
        ("痛みはなくなります", "痛みはなくなります"),
    ]
    assert set(findings[0]) == {"rule", "category", "match", "start", "end", "explanation", "source"}
    assert findings[0]["category"] == "効果の保証"
    assert "https://" in findings[1]["source"]


def test_nothing_found_exits_0(tmp_path):
    path = tmp_path / "fine.txt"
    path.write_text("完治を保証するものではありません。\n必ず医師に相談してください。\n", encoding="utf-8")
    status, out, _err = run(str(path))
    assert (status, out) == (0, "")


def test_reads_standard_input(monkeypatch):
    status, out, _err = run("--json", "-", stdin="必ず治る\n".encode(), monkeypatch=monkeypatch)
    assert status == 1
    assert json.loads(out)["findings"][0]["match"] == "必ず治る"


def test_plain_output_names_line_place_rule_and_source(monkeypatch):
    status, out, _err = run(stdin="今だけ初回半額\n".encode(), monkeypatch=monkeypatch)
    assert status == 1
    assert out.splitlines()[0].startswith("1:0-3: 「今だけ」 価格の誘引（limited-offer）")
    assert "景品表示法" in out


def test_the_profession_chooses_the_rules(monkeypatch):
    assert run("--profession", "seitai", stdin="保険が使えます\n".encode(), monkeypatch=monkeypatch)[0] == 1
    assert run("--profession", "judo", stdin="保険が使えます\n".encode(), monkeypatch=monkeypatch)[0] == 0


@pytest.mark.parametrize("args", [("--profession", "doctor"), ("/no/such/file.txt",), ("--no-such-option",)])
def test_bad_usage_exits_2(args):
    status, out, err = run(*args)
    assert status == 2
    assert out == ""


def test_text_that_is_not_utf8_exits_2(tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes("必ず治る".encode("shift_jis"))
    status, _out, err = run(str(path))
    assert status == 2
    assert "UTF-8" in err


def test_site_audit_lists_live_pages_field_and_match(blog):
    make_article(blog, title="膝の痛みは必ず治る", body=paragraphs("この体操で痛みはなくなります。"))
    make_article(blog, title="下書き：必ず治る", publish=False)
    make_article(blog, title="膝のストレッチ", body=paragraphs("無理のない範囲で続けましょう。"))
    status, out, err = run("--site")
    assert status == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert [row[:3] for row in rows] == [
        ["膝の痛みは必ず治る", "タイトル", "「必ず治る」"],
        ["膝の痛みは必ず治る", "本文", "「痛みはなくなります」"],
    ]
    assert "1ページ・2件" in err


def test_site_audit_of_a_clean_site_exits_0(blog):
    make_article(blog, title="膝のストレッチ", body=paragraphs("無理のない範囲で続けましょう。"))
    status, out, _err = run("--site", "--json")
    assert (status, out) == (0, "")
