"""Pieces of an article's page kept in the shared cache (serving/pieces.py)
under the tags of what they show, so the purge that reaches the page
reaches them:

- {% article_content page ["part"] %}…{% endarticle_content %}: the article
  itself (header, body, tags, share links, author boxes, the call to book),
  or another part of its page (its breadcrumbs), made from the page's own
  content and names every page shows: tagged as declarations.py's
  ArticlePage.content says, rendered again after its next publish.
- {% article_links page %}…{% endarticle_links %}: its related articles and
  previous/next (six queries), tagged with every article they link to and
  what could enter the list (ArticlePage.links); the page's response
  carries the tags it was kept with (ArticlePage.kept_links).
- {% article_cards articles %}: a listing's cards, one piece per article
  tagged as ArticlePage.card says, all read in one go; only the missing ones are
  rendered, with what they show loaded for them alone.

A preview, or a page that is not live, is always rendered."""

import time
from datetime import timedelta

from django import template
from django.conf import settings
from django.utils import timezone

from blog.querysets import prefetch_cards
from serving import declarations, pieces

register = template.Library()


def parse_piece(parser, token, node_class):
    """{% tag page %} or {% tag page "part" %}: a page may keep several."""
    bits = token.split_contents()
    name = bits[0]
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(f'{{% {name} page ["part"] %}} takes the page, and a name for the part')
    nodelist = parser.parse((f"end{name}",))
    parser.delete_first_token()
    part = bits[2].strip("\"'") if len(bits) == 3 else ""
    return node_class(name, parser.compile_filter(bits[1]), nodelist, part)


ARTICLE = declarations.PAGE_TYPES["blog.ArticlePage"]


class PieceNode(template.Node):
    def __init__(self, name, page, nodelist, part=""):
        self.name = name
        self.page = page
        self.nodelist = nodelist
        self.part = part

    def render(self, context):
        page = self.page.resolve(context)
        request = context.get("request")
        if request is None or not pieces.may_keep(request, page):
            return self.nodelist.render(context)
        key = self.key(request, page)
        found = pieces.lookup(key)
        if found is not None:
            return found[0]
        started = time.time()
        html = self.nodelist.render(context)
        pieces.store(key, html, self.tags(page), started, self.lifetime(page))
        return html

    def key(self, request, page):
        # The host decides which site's URLs the piece links with.
        return pieces.key(self.name, request.get_host(), page.pk, self.part)

    def tags(self, page):
        raise NotImplementedError

    def lifetime(self, page):
        return settings.SERVING_SHARED_MAX_AGE


class ArticleContentNode(PieceNode):
    def tags(self, page):
        return ARTICLE.content(page)


class ArticleLinksNode(PieceNode):
    def key(self, request, page):
        return declarations.links_piece_key(request, page)

    def tags(self, page):
        return ARTICLE.links(page)

    def lifetime(self, page):
        """The page cache's lifetime, cut short when a linked article expires
        sooner: it must leave the list then, before publish_scheduled runs."""
        lifetime = settings.SERVING_SHARED_MAX_AGE
        now = timezone.now()
        for linked in [*page.related_articles, *page.adjacent_articles]:
            if linked is not None and linked.expire_at is not None:
                lifetime = min(lifetime, (linked.expire_at - now) // timedelta(seconds=1))
        return max(0, lifetime)


@register.tag
def article_content(parser, token):
    return parse_piece(parser, token, ArticleContentNode)


@register.tag
def article_links(parser, token):
    return parse_piece(parser, token, ArticleLinksNode)


CARD_TEMPLATE = "components/article_card.html"


class ArticleCardsNode(template.Node):
    def __init__(self, articles):
        self.articles = articles

    def render(self, context):
        articles = list(self.articles.resolve(context) or [])
        request = context.get("request")
        card = context.template.engine.get_template(CARD_TEMPLATE)
        if request is None or not pieces.may_keep(request):
            prefetch_cards(articles)
            return "".join(self.render_card(context, card, article) for article in articles)
        host = request.get_host()
        # An author's listing marks the articles they only reviewed (監修, approved for the live text).
        keys = [pieces.key("card", host, a.pk, getattr(a, "reviewed_only", False)) for a in articles]
        found = {key: html for key, (html, _tags) in pieces.lookup_many(keys).items()}
        missing = [(key, article) for key, article in zip(keys, articles) if key not in found]
        if missing:
            started = time.time()
            prefetch_cards([article for _key, article in missing])
            for key, article in missing:
                found[key] = self.render_card(context, card, article)
                pieces.store(key, found[key], ARTICLE.card(article), started)
        return "".join(found[key] for key in keys)

    @staticmethod
    def render_card(context, card, article):
        with context.push(article=article):
            return card.render(context)


@register.tag
def article_cards(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% article_cards articles %} takes the articles")
    return ArticleCardsNode(parser.compile_filter(bits[1]))
