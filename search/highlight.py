"""Showing readers why an article matched: the words of their query marked
in the title and in a short excerpt around the first match."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analyser import get_analyser

EXCERPT_CHARS = 110
CONTEXT_BEFORE = 30
# The text is analysed a window at a time until a match turns up, and only
# its start is scanned: the lead and first sections are where a match reads
# best, and a results page analyses twelve articles.
WINDOW_CHARS = 500
SCANNED_CHARS = 3000


def matches(text, tokens):
    """(start, end) of each word of `text` whose token is in `tokens`, without overlaps."""
    wanted = set(tokens)
    found, last_end = [], 0
    for start, end, token in sorted(get_analyser().spans(text)):
        if token in wanted and start >= last_end:
            found.append((start, end))
            last_end = end
    return found


def marked(text, spans):
    html, position = [], 0
    for start, end in spans:
        html += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    html.append(escape(text[position:]))
    return mark_safe("".join(html))


def highlight(text, tokens):
    return marked(text, matches(text, tokens))


def excerpt(text, tokens):
    """About EXCERPT_CHARS characters of `text` around its first match, marked."""
    text = " ".join(text[:SCANNED_CHARS].split())
    start = 0
    for window in range(0, len(text), WINDOW_CHARS):
        # Windows overlap by a word's length so a match on a border is kept.
        first = matches(text[window : window + WINDOW_CHARS + 10], tokens)
        if first:
            start = max(0, window + first[0][0] - CONTEXT_BEFORE)
            break
    end = min(len(text), start + EXCERPT_CHARS)
    inside = matches(text[start:end], tokens)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + marked(text[start:end], inside) + suffix)
