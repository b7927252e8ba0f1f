from django import template

from clinic.booking import booking_links as links_for

register = template.Library()


@register.simple_tag
def booking_links(clinic):
    """{% booking_links clinic as links %}: see clinic/booking.py."""
    return links_for(clinic)
