"""Reading a rendered page as text, the way the tests that look for a
title or a heading want it."""

import re

# typography/phrases.py wraps every title in <span class="phrases"> with a
# <wbr> between phrases; a test that looks for 「膝の内側が痛む原因」 reads
# through both, as a reader does.
PHRASES = re.compile(r'<span class="phrases">(.*?)</span>', re.S)


def without_phrase_markup(html):
    return PHRASES.sub(lambda match: match.group(1).replace("<wbr>", ""), html)


def reader_html(response):
    """The response's HTML with the line-break markup taken out."""
    return without_phrase_markup(response.content.decode())
