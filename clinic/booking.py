"""The ways a reader can book: phone, LINE, the web booking page, taken
from the clinic's settings. Only what the clinic filled in is offered, and
only links a browser opens safely (security.html's checks: http(s), and tel
for the phone): a value that reached the database some other way (an
import, the shell) never becomes a `javascript:` link on every page."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from security.html import safe_url


@dataclass(frozen=True)
class BookingLink:
    kind: str  # "phone", "line" or "booking": the CSS modifier
    label: str
    href: str


def booking_links(clinic):
    """[BookingLink] in the bar's order: 電話, LINE, WEB予約."""
    if clinic is None:
        return []
    candidates = [
        ("phone", _("電話"), clinic.phone_url),
        ("line", _("LINE"), safe_url(clinic.line_url)),
        # The booking page, else the clinic's contact form (院の設定).
        ("booking", _("WEB予約"), safe_url(clinic.booking_url) or clinic.contact_url),
    ]
    return [BookingLink(kind, label, href) for kind, label, href in candidates if href]
