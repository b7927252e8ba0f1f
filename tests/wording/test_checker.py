"""check_text: what counts as a claim, where it is, and for whom."""

import pytest

from wording.checker import check_text
from wording.rules import rules_for

SEITAI = rules_for("seitai")


def found(text, rules=SEITAI):
    return [(finding.match, finding.rule.category) for finding in check_text(text, rules)]


@pytest.mark.parametrize(
    "text",
    ["必ず治る", "必ず治ります", "かならずなおります", "絶対に治せます", "ｶﾅﾗｽﾞ治ります", "必ず　治る", "必 ず 治る"],
)
def test_a_guarantee_is_found_in_any_spelling(text):
    assert [category for _match, category in found(text)] == ["効果の保証"]


def test_the_seed_sentences_are_found():
    assert found("重度でなければ膝の痛みは手術しなくても治せます") == [("治せます", "効果の保証")]
    assert found("痛みはなくなります") == [("痛みはなくなります", "効果の保証")]


@pytest.mark.parametrize(
    "text",
    [
        "完治を保証するものではありません",
        "必ず医師に相談してください",
        "少し効くと感じる程度",
        "一番大切なのは続けること",
        "必ず治るとは限りません",
        "治りますか？",
        "痛みがなくなるまで安静にしてください",
        "痛みが楽になったら、歩く量を増やしましょう",
        "改善する場合があります",
        "健康保険は使えません",
    ],
)
def test_denials_questions_conditions_and_hedges_are_not_claims(text):
    assert found(text) == []


def test_offsets_map_back_to_the_original_text_exactly():
    line = "ＮＯ．１の整体院で、　かならず なおります！"
    findings = check_text(line, SEITAI)
    assert [(f.match, line[f.start : f.end]) for f in findings] == [("ＮＯ．１", "ＮＯ．１"), ("かならず なおります", "かならず なおります")]
    assert [f.rule.category for f in findings] == ["比較優良・最上級", "効果の保証"]


def test_offsets_count_characters_of_the_line_not_of_the_normalised_text():
    line = "ｶﾞﾝ　ばって！　今だけ半額です"
    (first, second) = check_text(line, SEITAI)
    assert (first.start, first.end, first.match) == (line.index("今だけ"), line.index("今だけ") + 3, "今だけ")
    assert second.match == "半額"


def test_professions_choose_the_rules():
    # 整体 cannot take health insurance; a 柔道整復師 may, for injuries.
    assert found("保険が使えます", rules_for("seitai")) == [("保険が使えます", "保険の誤認")]
    assert found("保険が使えます", rules_for("judo")) == []
    assert found("慢性の肩こりにも保険が使えます", rules_for("judo")) == [("慢性の肩こりにも保険が使えます", "保険の誤認")]
    # A physician treats illness; a 整体 saying so claims what it may not.
    assert found("当院では腰痛の治療を行っています", rules_for("seitai"))
    assert found("当院では腰痛の治療を行っています", rules_for("medical")) == []


def test_a_physician_is_still_warned_about_guarantees_and_testimonials():
    rules = rules_for("medical")
    assert found("この手術なら必ず治ります", rules) == [("必ず治ります", "効果の保証")]
    assert found("患者様の声", rules) == [("患者様の声", "体験談")]


def test_each_place_is_reported_once_by_the_longest_claim():
    assert found("ヘルニアを治します") == [("ヘルニアを治します", "疾病の治療")]


def test_empty_and_blank_text_have_no_findings():
    assert found("") == [] and found("   ") == []


def test_a_polite_assertion_of_relief_is_a_claim_but_a_described_symptom_is_not():
    assert found("当院の施術で腰痛が改善します。") == [("腰痛が改善します", "効果の保証")]
    assert found("しばらく歩くと痛みがやわらぐ") == []
    assert found("ぎっくり腰は、数日で自然に痛みが和らぎます。") == []
