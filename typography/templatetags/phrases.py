"""`{{ title|phrases }}` and `{% phrases %}…{% endphrases %}`: line breaks
only between Japanese phrases (typography/phrases.py)."""

from django import template
from django.utils.safestring import mark_safe

from typography.phrases import mark_phrases

register = template.Library()


@register.filter(name="phrases")
def phrases_filter(value):
    return mark_phrases(value)


class PhrasesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The inside is rendered by Django first, so it is already escaped.
        return mark_phrases(mark_safe(self.nodelist.render(context).strip()))


@register.tag(name="phrases")
def phrases_tag(parser, token):
    """For translated text: {% phrases %}{% translate "ご相談ください" %}{% endphrases %}."""
    nodelist = parser.parse(("endphrases",))
    parser.delete_first_token()
    return PhrasesNode(nodelist)
