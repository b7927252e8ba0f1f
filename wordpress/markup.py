"""Reading a theme block's saved HTML and comment attributes: small
helpers shared by themes.py and theme_links.py."""

import re

from bs4 import BeautifulSoup

# cap_box_ttl, caption-box-label-text, box-title…, not a style such as is-style-onborder_ttl.
TITLE_CLASS = re.compile(r"^(?!is-style-).*(?:^|[_-])(?:ttl|title|label(?:-text)?)$", re.IGNORECASE)


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


def with_class(soup, *names):
    """The first element having one of `names` (exact classes) or, for a
    compiled pattern, a class it matches."""
    for tag in soup.find_all(class_=True):
        for cls in tag.get("class", []):
            if any(cls == n if isinstance(n, str) else n.search(cls) for n in names):
                return tag
    return None


def text_of(tag):
    return tag.get_text(" ", strip=True) if tag is not None else ""


def inner(tag):
    return tag.decode_contents() if tag is not None else ""


def classes_of(soup):
    return " ".join(" ".join(tag.get("class", [])) for tag in soup.find_all(class_=True)[:3])


def attr(block, *names):
    """The first string attribute of the block's comment among `names`."""
    for name in names:
        value = block.attrs.get(name)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return ""
