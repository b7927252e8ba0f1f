"""Reading a rendered page as text, the way the tests that look for a
title or a heading want it, and a form as the browser would send it."""

import re
from html.parser import HTMLParser

# typography/phrases.py wraps every title in <span class="phrases"> with a
# <wbr> between phrases; a test that looks for 「膝の内側が痛む原因」 reads
# through both, as a reader does.
PHRASES = re.compile(r'<span class="phrases">(.*?)</span>', re.S)


def without_phrase_markup(html):
    return PHRASES.sub(lambda match: match.group(1).replace("<wbr>", ""), html)


def reader_html(response):
    """The response's HTML with the line-break markup taken out."""
    return without_phrase_markup(response.content.decode())


class _FormReader(HTMLParser):
    """What a browser would send for one form: inputs, ticked boxes,
    selected options and textareas, nothing inside a <template>."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.in_form, self.templates = form_id, False, 0
        self.data, self.select, self.textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":
            self.templates += 1
        if self.templates:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "image", "reset"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data.append((name, attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.in_form:
            return
        if tag == "template":
            self.templates -= 1
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.data.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "form":
            self.in_form = False


def form_data(response, form_id):
    """{name: [values]} of the form `form_id` as the browser would post it unchanged."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data
