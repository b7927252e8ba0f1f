from django import template

from clinic.icons import site_icons
from clinic.views import THEME_COLOR

register = template.Library()


@register.inclusion_tag("components/site_icons.html")
def site_icon_links(clinic):
    return {"icons": site_icons(clinic), "theme_color": THEME_COLOR}
