from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _

from clinic.models import ClinicSettings

from .icons import site_icons

THEME_COLOR = "#2f7d6d"
BACKGROUND_COLOR = "#fbfaf7"


def clinic_for(request):
    return ClinicSettings.for_request(request)


def favicon(request):
    """/favicon.ico, which browsers ask for on their own."""
    return HttpResponseRedirect(site_icons(clinic_for(request)).ico)


def manifest(request):
    """/manifest.webmanifest: the name and icons a phone shows on its home screen."""
    clinic = clinic_for(request)
    icons = site_icons(clinic)
    name = (clinic.clinic_name if clinic else "") or _("手当て")
    data = {
        "name": name,
        "short_name": name[:12],
        "lang": "ja",
        "start_url": "/",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": icons.icon_192, "sizes": "192x192", "type": icons.content_type},
            {"src": icons.icon_512, "sizes": "512x512", "type": icons.content_type},
            {"src": icons.maskable, "sizes": "512x512", "type": icons.content_type, "purpose": "maskable"},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
