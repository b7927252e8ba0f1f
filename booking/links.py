"""The ways a reader can book: phone, LINE, the web booking page, taken
from the clinic's settings. Only what the clinic filled in is offered, and
only links a browser opens safely (http, https, tel): a value that reached
the database some other way (an import, the shell) never becomes a
`javascript:` link on every page."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

SAFE_SCHEMES = {"http", "https", "tel"}


@dataclass(frozen=True)
class BookingLink:
    kind: str  # "phone", "line" or "booking": the CSS modifier
    label: str
    href: str


def safe_href(url):
    """`url` if it is an absolute http(s) or tel link, else ""."""
    url = (url or "").strip()
    if not url or any(ord(char) < 32 for char in url):
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return ""
    if parts.scheme.lower() != "tel" and not parts.netloc:
        return ""
    return url


def booking_links(clinic):
    """[BookingLink] in the bar's order: 電話, LINE, WEB予約."""
    if clinic is None:
        return []
    candidates = [
        ("phone", _("電話"), clinic.phone_url),
        ("line", _("LINE"), safe_href(clinic.line_url)),
        ("booking", _("WEB予約"), safe_href(clinic.booking_url)),
    ]
    return [BookingLink(kind, label, href) for kind, label, href in candidates if href]
