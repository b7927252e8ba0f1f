"""The rules: Teate's defaults from rules.toml, and a clinic's own.

A rule is a plain value: what to look for (a pattern on the normalised text,
wording/text.py), what kind of claim it is, a short Japanese explanation,
where the concern comes from, and which professions it concerns.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from clinic.models import PROFESSIONS

from .text import analyse

RULES_FILE = Path(__file__).with_name("rules.toml")
PROFESSION_CODES = tuple(code for code, _label in PROFESSIONS)
CATEGORIES = (
    "効果の保証",
    "安全の保証",
    "比較優良・最上級",
    "体験談",
    "ビフォーアフター",
    "価格の誘引",
    "疾病の治療",
    "保険の誤認",
    "権威付け",
    "誇大な形容",
)


@dataclass(frozen=True)
class Source:
    law: str
    article: str
    url: str = ""
    professions: tuple = PROFESSION_CODES

    def __str__(self):
        return " ".join(part for part in (self.law, self.article, self.url) if part)


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    pattern: re.Pattern
    explanation: str
    sources: tuple = ()
    professions: tuple = PROFESSION_CODES
    custom: bool = False
    examples: tuple = field(default=(), compare=False)

    def applies_to(self, profession):
        return profession in self.professions

    def source_for(self, profession):
        """The sources that concern this profession (all of them when none
        does), as one line: law, article, URL; several joined by ／."""
        chosen = [source for source in self.sources if profession in source.professions] or list(self.sources)
        return " ／ ".join(str(source) for source in chosen)


def expand(pattern, macros):
    for name, value in macros.items():
        pattern = pattern.replace("{" + name + "}", value)
    return re.compile(pattern, re.IGNORECASE)


def load(path=RULES_FILE):
    """Every default rule, in the file's order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    macros = data.get("macros", {})
    sources = {
        key: Source(value["law"], value["article"], value.get("url", ""), tuple(value.get("professions", PROFESSION_CODES)))
        for key, value in data.get("sources", {}).items()
    }
    rules = []
    for entry in data["rules"]:
        if entry["category"] not in CATEGORIES:
            raise ValueError(f"{entry['id']}: unknown category {entry['category']!r}")
        unknown = set(entry["professions"]) - set(PROFESSION_CODES)
        if unknown:
            raise ValueError(f"{entry['id']}: unknown professions {sorted(unknown)}")
        rules.append(
            Rule(
                id=entry["id"],
                category=entry["category"],
                pattern=expand(entry["pattern"], macros),
                explanation=entry["explanation"],
                sources=tuple(sources[key] for key in entry["sources"]),
                professions=tuple(entry["professions"]),
            )
        )
    if len({rule.id for rule in rules}) != len(rules):
        raise ValueError("two default rules share an id")
    return tuple(rules)


@lru_cache(maxsize=1)
def default_rules():
    return load()


def phrase_form(phrase):
    """A phrase's normalised form without its ending (ます, た, 。), so
    「変わります」 also finds 変わる, 変わった and 変わりません… as the text
    has them; denials are then left out as for every rule."""
    words = list(analyse(phrase).words)
    while words and words[-1].pos in {"助動詞", "補助記号", "空白"}:
        words.pop()
    return "".join(word.lemma for word in words)


def phrase_rule(rule_id, category, phrases, explanation, source="", professions=PROFESSION_CODES):
    """A clinic's own rule: phrases written as a reader would read them, each
    normalised as the text is (so a rule for 治ります also finds なおります),
    and matched literally."""
    forms = sorted({phrase_form(phrase) for phrase in phrases if phrase.strip()} - {""}, key=len, reverse=True)
    if not forms:
        return None
    pattern = re.compile("|".join(re.escape(form) for form in forms), re.IGNORECASE)
    sources = (Source(source, ""),) if source else ()
    return Rule(rule_id, category, pattern, explanation, sources, tuple(professions), custom=True)


def rules_for(profession, disabled=(), custom=()):
    """The rules a clinic of `profession` is checked against: the defaults
    for its profession, less those it turned off, plus its own."""
    disabled = set(disabled)
    chosen = [rule for rule in default_rules() if rule.id not in disabled and rule.applies_to(profession)]
    return tuple(chosen + [rule for rule in custom if rule is not None and rule.applies_to(profession)])
