"""The favicon and the home-screen icons: the clinic's own picture when it
set one (院の設定 › サイトのアイコン), else the 手 icons shipped in static/.

A browser asks for /favicon.ico whatever the page says, so that path
answers too: without it every first visit logs a 404 in the console.
"""

from dataclasses import dataclass

from django.templatetags.static import static

DEFAULT_ICONS = {
    "favicon": "img/icons/favicon-32.png",
    "apple-touch-icon": "img/icons/apple-touch-icon.png",
    "192": "img/icons/icon-192.png",
    "512": "img/icons/icon-512.png",
    "maskable": "img/icons/icon-maskable-512.png",
    "ico": "img/icons/favicon.ico",
}
# Square crops of the clinic's picture, as PNG: every browser and launcher reads it.
CLINIC_SPECS = {
    "favicon": "fill-32x32|format-png",
    "apple-touch-icon": "fill-180x180|format-png",
    "192": "fill-192x192|format-png",
    "512": "fill-512x512|format-png",
}


@dataclass(frozen=True)
class SiteIcons:
    favicon: str
    apple_touch_icon: str
    icon_192: str
    icon_512: str
    maskable: str
    ico: str
    content_type: str = "image/png"


def site_icons(clinic):
    """URLs of every icon for the site whose settings are `clinic` (may be None)."""
    image = getattr(clinic, "site_icon", None) if clinic is not None else None
    if image is not None:
        renditions = image.get_renditions(*CLINIC_SPECS.values())
        urls = {key: renditions[spec].url for key, spec in CLINIC_SPECS.items()}
        urls.update(maskable=urls["512"], ico=urls["favicon"])
    else:
        urls = {key: static(path) for key, path in DEFAULT_ICONS.items()}
    return SiteIcons(
        favicon=urls["favicon"],
        apple_touch_icon=urls["apple-touch-icon"],
        icon_192=urls["192"],
        icon_512=urls["512"],
        maskable=urls["maskable"],
        ico=urls["ico"],
    )
