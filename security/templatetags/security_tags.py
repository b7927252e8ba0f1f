"""{% load security_tags %}: what templates use for values they must not
trust (security/html.py)."""

from django import template

from security import html

register = template.Library()


@register.filter
def safe_url(value, schemes="http,https"):
    """{{ clinic.booking_url|safe_url }} or {{ url|safe_url:"http,https,mailto" }}:
    the URL, or "" when its scheme is not allowed."""
    return html.safe_url(value, frozenset(s.strip() for s in schemes.split(",")))


@register.filter
def tel_url(phone):
    return html.tel_url(phone)


@register.filter
def safe_richtext(value):
    """Use instead of wagtailcore_tags|richtext: cleans the stored HTML, then
    lets Wagtail expand it (same output for what the editor writes)."""
    return html.rich_text(value) if value else ""
