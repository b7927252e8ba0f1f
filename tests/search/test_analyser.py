"""The analyser makes the spellings a reader might type meet the ones an author wrote."""

import pytest
from django.test import override_settings

from search.analyser import Analyser, SudachiAnalyser, get_analyser, normalise


@pytest.fixture(scope="module")
def analyser():
    return SudachiAnalyser()


@pytest.mark.parametrize("spelling", ["ひざ", "ヒザ", "膝"])
def test_knee_in_kana_or_kanji_is_one_token(analyser, spelling):
    assert analyser.tokens_for_query(spelling) == ["膝"]
    assert "膝" in analyser.tokens_for_index(f"{spelling}が痛い")


def test_stiff_shoulders_written_with_or_without_okurigana_match(analyser):
    assert analyser.tokens_for_query("肩こり") == analyser.tokens_for_query("肩凝り")


def test_full_width_letters_and_capitals_fold_to_lowercase_ascii(analyser):
    assert normalise("ＡＢＣ") == "abc"
    assert analyser.tokens_for_query("ＡＢＣ") == analyser.tokens_for_query("abc") == ["abc"]


def test_english_words_match_whatever_their_case(analyser):
    assert analyser.tokens_for_query("Knee PAIN") == analyser.tokens_for_query("knee pain")
    assert set(analyser.tokens_for_query("knee")) <= set(analyser.tokens_for_index("Knee exercises at home"))


def test_compound_is_indexed_whole_and_by_its_parts(analyser):
    tokens = analyser.tokens_for_index("変形性膝関節症と診断されました")
    assert "膝" in tokens and "膝関節症" in tokens


def test_query_keeps_compounds_whole_so_rare_terms_stay_precise(analyser):
    assert "膝" not in analyser.tokens_for_query("変形性膝関節症")


def test_particles_and_symbols_are_not_searched_for(analyser):
    assert analyser.tokens_for_query("膝の痛み") == ["膝", "痛み"]
    assert analyser.tokens_for_query("😀 <>\"*()") == []


def test_long_query_is_cut_to_a_bounded_number_of_tokens(analyser):
    assert len(analyser.tokens_for_query("膝と腰と肩" * 200)) <= 16


def test_long_text_is_indexed_in_pieces(analyser):
    tokens = analyser.tokens_for_index("膝の体操を続けましょう。" * 5000)
    assert tokens.count("膝") == 5000


def test_spans_point_at_the_words_in_the_original_text(analyser):
    text = "毎朝ひざを伸ばす"
    spans = [(text[start:end], token) for start, end, token in analyser.spans(text)]
    assert ("ひざ", "膝") in spans


class SpaceAnalyser(Analyser):
    def tokens_for_index(self, text):
        return text.split()

    tokens_for_query = tokens_for_index


def test_the_site_chooses_its_analyser_in_settings():
    get_analyser.cache_clear()
    try:
        with override_settings(TEATE_SEARCH_ANALYSER="tests.search.test_analyser.SpaceAnalyser"):
            assert isinstance(get_analyser(), SpaceAnalyser)
    finally:
        get_analyser.cache_clear()
    assert isinstance(get_analyser(), SudachiAnalyser)
