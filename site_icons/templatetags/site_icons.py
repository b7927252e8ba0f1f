from django import template

from site_icons.icons import site_icons
from site_icons.views import THEME_COLOR

register = template.Library()


@register.inclusion_tag("components/site_icons.html")
def site_icon_links(clinic):
    return {"icons": site_icons(clinic), "theme_color": THEME_COLOR}
