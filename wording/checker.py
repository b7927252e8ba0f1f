"""check_text(text, rules) → findings: where a text may make a claim a
health practice should not make, and why.

A pattern match is a finding only when the text asserts it. Four things
turn a match into no claim at all, for every rule alike:
- a denial right after it: 完治を保証するものではありません, 治るとは限りません;
- a question or a condition: 治りますか, 痛みがなくなったら, 治るまで;
- a hedge in the same sentence: 少し効くと感じる程度, 改善する場合があります;
- (for the rules' own words) nothing but what the pattern names:
  必ず医師に相談してください has 必ず, but no promised effect.
"""

import re
from dataclasses import dataclass

from .text import SENTENCE_ENDS, analyse

NEGATIONS = {"ない", "無い", "ず", "ぬ", "無し", "ん"}
# Words that may stand between a claim and its denial:
# 治る|訳|で|は|有る|ます|ず, 保証|為る|物|だ|は|有る|ます|ず, と|は|限る|ます|ず.
BRIDGES = {"訳", "物", "事", "筈", "有る", "居る", "限る", "為る", "言う", "の", "保証", "約束", "意味"}
BRIDGE_POS = {"助詞", "助動詞"}
# Right after a claim, these make it a question, a condition or a purpose.
UNASSERTED_NEXT = {"か", "かな", "かしら", "ば", "まで", "ため", "ように", "よう", "には", "なら", "たら", "だろうか"}
UNASSERTED_LAST = {"たら", "だら", "なら", "れば", "ば"}
POLITE = {"ます", "です"}
HEDGE_BEFORE = re.compile(r"少し|やや|多少|若干|人に依る|場合に依る|個人差|ことも|事も|自然だ|自然と")
HEDGE_AFTER = re.compile(
    r"^[^。！？!?]*?(?:と感じる|程度|事が有る|事も有る|場合が有る|場合も有る|可能性|かも|期待|人も|人が居る|"
    r"個人差|と思う|気が為る|事が多い|事も多い|方も居る|方が居る|とされる|と為るれる|目指す|目的|ケース|方が多い|人が多い|易い)"
)


@dataclass(frozen=True)
class Finding:
    rule: object  # wording.rules.Rule
    match: str  # exactly as in the text
    start: int
    end: int

    @property
    def rule_id(self):
        return self.rule.id

    def as_dict(self, profession):
        return {
            "rule": self.rule.id,
            "category": self.rule.category,
            "match": self.match,
            "start": self.start,
            "end": self.end,
            "explanation": self.rule.explanation,
            "source": self.rule.source_for(profession),
        }


def denied(words, last):
    """Whether the claim ending at word `last` is denied right after it."""
    for word in words[last + 1 :]:
        if word.lemma in NEGATIONS or word.surface in NEGATIONS:
            return True
        if word.pos in BRIDGE_POS or word.lemma in BRIDGES:
            continue
        return False
    return False


def unasserted(words, last):
    if words[last].surface in UNASSERTED_LAST:
        return True
    following = "".join(word.surface for word in words[last + 1 : last + 3])
    return any(following.startswith(marker) for marker in UNASSERTED_NEXT)


def sentence(words, first, last):
    """(lemmas before the claim, lemmas after it) within its sentence."""
    start = first
    while start > 0 and words[start - 1].surface not in SENTENCE_ENDS:
        start -= 1
    end = last + 1
    while end < len(words) and words[end].surface not in SENTENCE_ENDS:
        end += 1
    before = "".join(word.lemma for word in words[start:first])
    after = "".join(word.lemma for word in words[last + 1 : end])
    return before, after


def hedged(words, first, last):
    before, after = sentence(words, first, last)
    return bool(HEDGE_BEFORE.search(before) or HEDGE_AFTER.search(after))


def is_claim(words, first, last):
    return not (denied(words, last) or unasserted(words, last) or hedged(words, first, last))


def with_politeness(words, last):
    """The claim's end, taking in a polite ending the pattern left out, so the
    editor sees 治します rather than 治し."""
    if words[last].pos not in {"動詞", "形容詞", "助動詞"}:
        return last
    while last + 1 < len(words) and words[last + 1].lemma in POLITE:
        last += 1
    if words[last].lemma == "ます" and last + 1 < len(words) and words[last + 1].lemma == "た":
        last += 1
    return last


def findings_in(analysed, rules):
    """Findings in an analysed text, in text order, one per place: where two
    rules match overlapping words, the longer match wins (ヘルニアを治します
    is a disease claim before it is a promise), then the earlier rule."""
    candidates = []
    words = analysed.words
    for order, rule in enumerate(rules):
        for match in rule.pattern.finditer(analysed.lemmas):
            span = analysed.word_span(*match.span())
            if span is not None and is_claim(words, *span):
                first, last = span
                length = words[last].end - words[first].start
                candidates.append((-length, order, first, last, rule))
    found, taken = [], set()
    for _length, _order, first, last, rule in sorted(candidates, key=lambda c: c[:2]):
        last = with_politeness(words, last)
        if taken.isdisjoint(range(first, last + 1)):
            taken.update(range(first, last + 1))
            start, end = words[first].start, words[last].end
            found.append(Finding(rule, analysed.text[start:end], start, end))
    return sorted(found, key=lambda finding: (finding.start, finding.end))


def check_text(text, rules):
    """The findings in one plain text (a line, a title, a paragraph)."""
    if not text or not text.strip():
        return []
    return findings_in(analyse(text), rules)
