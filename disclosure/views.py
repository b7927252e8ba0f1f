from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from blog.models import BlogIndexPage, home_crumb
from clinic.models import ClinicSettings

from .transmissions import site_transmissions


def external_transmission(request):
    """/external-transmission/: the 外部送信 disclosure, linked from every footer."""
    context = {
        "transmissions": site_transmissions(ClinicSettings.for_request(request)),
        "blog_index": BlogIndexPage.objects.live().public().first(),
        "crumbs": [home_crumb(), (_("外部送信について"), reverse("external_transmission"))],
    }
    return render(request, "disclosure/external_transmission.html", context)
