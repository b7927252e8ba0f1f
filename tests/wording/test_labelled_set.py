"""The checker meets its targets on the labelled set, fast enough, and
docs/wording.md lists every default rule it ships."""

import statistics
import time
from pathlib import Path

from wording.checker import check_text
from wording.rules import CATEGORIES, default_rules, rules_for

DATA = Path(__file__).parent / "data"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "wording.md"


def rows(name):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def test_the_labelled_set_is_big_enough_half_fine_and_covers_every_category():
    labelled = list(rows("labelled.tsv"))
    assert len(labelled) >= 120
    fine = [row for row in labelled if row[0] == "fine"]
    assert abs(len(fine) - len(labelled) / 2) <= len(labelled) * 0.05
    assert {category for label, category, _ in labelled if label == "claim"} == set(CATEGORIES)


def test_recall_and_false_alarms_meet_the_targets():
    rules = rules_for("seitai")
    labelled = list(rows("labelled.tsv"))
    claims = [sentence for label, _category, sentence in labelled if label == "claim"]
    fine = [sentence for label, _category, sentence in labelled if label == "fine"]
    missed = [sentence for sentence in claims if not check_text(sentence, rules)]
    alarms = [sentence for sentence in fine if check_text(sentence, rules)]
    assert len(missed) / len(claims) <= 0.1, missed
    assert len(alarms) / len(fine) <= 0.1, alarms


def test_a_3000_character_article_takes_at_most_50_ms_of_cpu():
    rules = rules_for("seitai")
    text = "".join(sentence for _label, _category, sentence in rows("labelled.tsv"))
    text = (text * 3)[:3000]
    check_text(text, rules)
    times = []
    for _ in range(5):
        start = time.process_time()
        check_text(text, rules)
        times.append(time.process_time() - start)
    assert statistics.median(times) <= 0.050


def test_the_docs_list_every_default_rule_with_its_sources():
    docs = DOCS.read_text(encoding="utf-8")
    for rule in default_rules():
        assert f"`{rule.id}`" in docs, rule.id
    assert "Teate does not give legal advice" in docs
