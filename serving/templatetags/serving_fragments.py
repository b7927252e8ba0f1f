"""{% article_links article %}…{% endarticle_links %}: the related articles
and previous/next of an article, from the shared cache (fragments.py)."""

import time
from datetime import timedelta

from django import template
from django.conf import settings
from django.utils import timezone

from serving import fragments
from serving.tags import link_tags

register = template.Library()


@register.tag
def article_links(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% article_links article %} takes the article")
    nodelist = parser.parse(("endarticle_links",))
    parser.delete_first_token()
    return ArticleLinksNode(parser.compile_filter(bits[1]), nodelist)


class ArticleLinksNode(template.Node):
    def __init__(self, article, nodelist):
        self.article = article
        self.nodelist = nodelist

    def render(self, context):
        article = self.article.resolve(context)
        request = context.get("request")
        # A preview shows a draft's categories and tags: its links are not the live page's.
        if request is None or getattr(request, "is_preview", False) or not article.live or not fragments.enabled():
            return self.nodelist.render(context)
        key = fragments.fragment_key("article-links", request, article.pk)
        found = fragments.lookup(key)
        if found is not None:
            html, article.link_tags = found  # serving/tags.py reads them instead of ranking again
            return html
        started = time.time()
        html = self.nodelist.render(context)
        fragments.store(key, html, link_tags(article), started, links_lifetime(article))
        return html


def links_lifetime(article):
    """The page cache's lifetime, cut short when a linked article expires
    sooner: it must leave the list then, before publish_scheduled runs."""
    lifetime = settings.SERVING_SHARED_MAX_AGE
    now = timezone.now()
    for linked in [*article.related_articles, *article.adjacent_articles]:
        if linked is not None and linked.expire_at is not None:
            lifetime = min(lifetime, (linked.expire_at - now) // timedelta(seconds=1))
    return max(0, lifetime)
