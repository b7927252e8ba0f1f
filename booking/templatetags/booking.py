from django import template

from booking.links import booking_links as links_for

register = template.Library()


@register.simple_tag
def booking_links(clinic):
    """{% booking_links clinic as links %}: see booking/links.py."""
    return links_for(clinic)
