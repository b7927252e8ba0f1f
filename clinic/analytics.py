"""The analytics a clinic may switch on in its settings, and what each one
needs from a reader's browser: the script to load and the hosts the
Content-Security-Policy must then allow.

One service, on purpose: Google Analytics 4, which nearly every Japanese
clinic and its web vendor use. Left out, and why (docs/readers.md):
Google Tag Manager loads whatever its container holds, so neither the
policy nor the 外部送信 page could stay true; Microsoft Clarity records
whole sessions of readers of health articles and links them to a
Microsoft-wide identifier, with no opt-out to offer; Plausible changed its
tag to a per-site inline snippet in 2025. Adding one is one `Service` here,
one field on ClinicSettings and one Transmission in disclosure/.
"""

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

GA4_ID = re.compile(r"G-[A-Z0-9]{4,16}")


def normalise_id(value):
    """An ID as typed or pasted: full-width letters from a Japanese input
    method, lower case and stray spaces are all accepted."""
    return unicodedata.normalize("NFKC", value or "").strip().upper()


def validate_ga4_measurement_id(value):
    if not value or GA4_ID.fullmatch(value):
        return
    if value.startswith("GTM-"):
        message = _("「GTM-」で始まるのはタグマネージャーのIDです。Googleアナリティクスの「データストリーム」に表示される「G-」で始まる測定IDを入力してください。")
    elif value.startswith("UA-"):
        message = _("「UA-」で始まるのは2023年に終了したユニバーサルアナリティクスのIDです。GA4の「G-」で始まる測定IDを入力してください。")
    else:
        message = _("測定IDは「G-」に続く英数字です（例: G-ABC123DEF4）。Googleアナリティクスの管理画面の「データストリーム」で確認できます。")
    raise ValidationError(message, code="invalid")


class AnalyticsIdField(models.CharField):
    """A CharField that stores the ID normalised, so the validators and the
    page both see `G-ABC123DEF4` whatever the editor typed."""

    def to_python(self, value):
        return normalise_id(super().to_python(value))


@dataclass(frozen=True)
class Service:
    key: str  # the Transmission disclosure/ describes it with
    script_url: str
    sources: dict  # CSP directive → hosts to allow once the script is on the page


# Google's list for GA4 (developers.google.com/tag-platform/security/guides/csp),
# without the Google Signals hosts: the tag turns Signals and ad
# personalisation off (static/js/analytics.js), and the policy keeps them off.
GA4 = Service(
    key="ga4",
    script_url="https://www.googletagmanager.com/gtag/js?id={}",
    sources={
        "script-src": ["https://*.googletagmanager.com"],
        "img-src": ["https://*.google-analytics.com", "https://*.googletagmanager.com"],
        "connect-src": [
            "https://*.google-analytics.com",
            "https://*.analytics.google.com",
            "https://*.googletagmanager.com",
        ],
    },
)


@dataclass(frozen=True)
class Configured:
    service: Service
    id: str

    @property
    def script_url(self):
        return self.service.script_url.format(quote(self.id))


def configured_analytics(clinic):
    """[Configured] for the services this clinic's settings switch on. An ID
    that does not validate (written around the admin form) switches nothing on."""
    found = []
    ga4_id = normalise_id(getattr(clinic, "ga4_measurement_id", ""))
    if GA4_ID.fullmatch(ga4_id):
        found.append(Configured(GA4, ga4_id))
    return found
