from django import template

from blog.seo import meta_for

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The page's head values (blog/seo.py), built once per render."""
    return meta_for(context)
