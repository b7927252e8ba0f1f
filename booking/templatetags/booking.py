from django import template

from booking.links import booking_links as links_for, safe_href

register = template.Library()


@register.simple_tag
def booking_links(clinic):
    """{% booking_links clinic as links %}: see booking/links.py."""
    return links_for(clinic)


@register.filter
def booking_url(url):
    """An http(s)/tel URL unchanged; anything else becomes ""."""
    return safe_href(url)
