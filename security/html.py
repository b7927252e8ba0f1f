"""Stored URLs and rich text are not trusted when rendered.

The admin refuses `javascript:` links and script in rich text, and the
Content-Security-Policy blocks what gets through, but an importer, a
migration or a script writes to the database without either. Templates
pass such values through these functions (security_tags) before they
reach a reader's page.
"""

import re
import unicodedata
from urllib.parse import urlsplit

import nh3
from wagtail.rich_text import RichText

WEB = frozenset({"http", "https"})
# Browsers ignore these inside a scheme ("java\tscript:"), so the check must too.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")

# Rich text as Wagtail stores it (before expand_db_html): the editor's
# features (bold, italic, links, lists, headings, embeds) and nothing else.
# Internal links and embeds are <a linktype id> and <embed embedtype url>.
RICH_TEXT_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
                  "hr", "blockquote", "embed", "sub", "sup", "code"}
RICH_TEXT_ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "url", "alt", "format", "id"},
}
RICH_TEXT_URL_SCHEMES = {"http", "https", "mailto", "tel"}
EMBED_TAG = re.compile(r"(<embed\b[^>]*?)\s*/?>")


def safe_url(value, schemes=WEB):
    """The URL when its scheme is one of `schemes` (web links by default;
    http and https need a host), else "". Never a javascript: or data: URL."""
    url = str(value or "").strip()
    compact = IGNORED_IN_SCHEME.sub("", url)
    try:
        parts = urlsplit(compact)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in schemes or (scheme in WEB and not parts.netloc):
        return ""
    return url


def tel_url(phone):
    """The number as a tel: link a phone can dial: digits and a leading +
    only, however it was typed (0466-00-0000, （0466）00 0000, full-width
    digits); "" when there is no number in it."""
    digits = re.sub(r"[^0-9+]", "", unicodedata.normalize("NFKC", str(phone or "")))
    return f"tel:{digits}" if re.fullmatch(r"\+?[0-9]{3,}", digits) else ""


def clean_rich_text(source):
    """Stored rich text with every tag, attribute and URL the editor could
    not have produced removed (on<event> handlers, <script>, style…)."""
    cleaned = nh3.clean(
        str(source or ""),
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=RICH_TEXT_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # nh3 writes <embed …> as HTML5 does; Wagtail's rewriter only expands the
    # stored form <embed …/>. (nh3 escapes ">" inside attribute values.)
    return EMBED_TAG.sub(r"\1/>", cleaned)


def rich_text(value):
    """A RichText (block value) or stored string, cleaned, ready for Wagtail
    to expand links and embeds."""
    source = value.source if isinstance(value, RichText) else value
    return RichText(clean_rich_text(source))
