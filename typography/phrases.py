"""Where a Japanese line may break.

Japanese has no spaces, so a browser breaks a heading anywhere: 「ストレッ／チ」,
「ご／相談ください」. BudouX (Google's phrase segmenter, a small model that
ships with the package) finds the phrase boundaries; we mark each with <wbr>
inside a `.phrases` span whose CSS (`word-break: keep-all`) forbids every
other break. The browser still wraps a phrase wider than its box
(`overflow-wrap: anywhere`), so nothing overflows.

Only the rendered HTML changes: stored text, the search index, <title>,
meta tags and feeds never pass through here.
"""

from functools import lru_cache

from budoux.html_processor import HTMLChunkResolver, get_text
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe

SEPARATOR = "<wbr>"
WRAPPER_CLASS = "phrases"


@lru_cache(maxsize=1)
def parser():
    import budoux

    return budoux.load_default_japanese_parser()


def _is_kanji(char):
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char == "々"


def _is_lone_kana(phrase):
    return len(phrase) == 1 and ("\u3041" <= phrase <= "\u309f" or "\u30a0" <= phrase <= "\u30ff")


@lru_cache(maxsize=4096)  # titles repeat on every listing; parsing one costs ~0.1 ms
def split(text):
    """The phrases of `text`, in order; joined they give `text` back.

    BudouX now and then cuts a word: a kanji compound (ほぐす体／操) or a
    verb's last kana (ほぐ／す3つの). A boundary between two kanji, or before
    a lone kana (it belongs to the word before it), is dropped.
    """
    phrases = []
    for phrase in parser().parse(text) if text else ():
        if phrases and ((_is_kanji(phrases[-1][-1]) and _is_kanji(phrase[0])) or _is_lone_kana(phrase)):
            phrases[-1] += phrase
        else:
            phrases.append(phrase)
    return tuple(phrases)


def _mark_html(html):
    resolver = HTMLChunkResolver(list(split(get_text(html))), SEPARATOR)
    resolver.feed(html)
    resolver.close()
    return resolver.output


def mark_phrases(value):
    """`value` as safe HTML with <wbr> between phrases, inside one span.

    Plain text is escaped first; HTML that is already safe (a translated
    string, a rendered link) keeps its tags and gets <wbr> only in its text.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, SafeData):
        inner = _mark_html(str(value))
    else:
        inner = SEPARATOR.join(conditional_escape(phrase) for phrase in split(str(value)))
    return format_html('<span class="{}">{}</span>', WRAPPER_CLASS, mark_safe(inner))
