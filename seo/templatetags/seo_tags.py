from django import template

from seo import meta

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The page's head values (seo/meta.py), built once per render."""
    return meta.meta_for(context)


@register.simple_tag
def page_url(url, number, query=""):
    """Page `number` of the listing at `url`: pagination links use the same
    rule as the canonical URL (page 1 is the listing itself)."""
    return meta.page_url(url, number, query)
