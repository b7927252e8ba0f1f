"""What each page type shows and what its changes purge, declared side by
side: one class per page type, one table for the views that are not pages,
one for the values pages keep between requests. Everything else in
serving/ is derived from here: the tags a response carries (wagtail_hooks.py
hands them to the response, middleware.py sends and stores them), the
tags a publish, unpublish or deletion purges (purge.py, signals.py), and
the tags of the pieces kept between renderings (templatetags/).

A new page type adds one class here, decorated with @declare("app.Model"),
saying both sides:

- `carries(page, request, route)`: the tags of everything its response
  shows (tags.py builds them), `route` being the RoutablePageMixin route's
  name, or None; None for a response never to be kept;
- `purges(page)`: the tags its publish, unpublish or deletion purges;
- `cacheable = False` for a page that is personal or takes input (a form):
  its responses are never kept by the app or the proxy.

tests/serving/test_declarations.py fails while a live page model is not
declared, or declares one side and not the other. A page whose body shows
other pages (a card, a button to a chosen page) adds `pages_chosen_in(page.body)`
to what it carries, so changing those pages reaches it.
"""

from wagtail import blocks

from blog.links import ArticleCategory
from blog.related import RELATED_LIMIT, adjacent_articles

from . import pieces, tags

PAGE_TYPES = {}


def declare(label):
    """Register a page type's declaration under its model's label."""

    def register(cls):
        PAGE_TYPES[label] = cls()
        return cls

    return register


def for_page(page):
    """The page's declaration, or None when its type declares nothing
    (its responses are then never kept)."""
    return PAGE_TYPES.get(page._meta.label)


class PageType:
    """A page type's two sides; each page type's class says both itself."""

    cacheable = True

    def carries(self, page, request, route=None):
        raise NotImplementedError(f"{type(self).__name__} must say what its responses carry")

    def purges(self, page):
        raise NotImplementedError(f"{type(self).__name__} must say what its changes purge")


@declare("wagtailcore.Page")
class RootPage(PageType):
    """The tree's root (never a site's page in practice): moving or
    renaming it changes every URL."""

    def carries(self, page, request, route=None):
        return {tags.SITE, tags.page(page.pk)}

    def purges(self, page):
        return {tags.SITE}


@declare("home.HomePage")
class HomePage(PageType):
    """The newest articles and the categories with their counts; its title
    is every breadcrumb's first step."""

    def carries(self, page, request, route=None):
        return {tags.SITE, tags.page(page.pk), tags.ARTICLES}

    def purges(self, page):
        return {tags.SITE}


@declare("blog.BlogIndexPage")
class BlogIndexPage(PageType):
    """Every route lists or counts readable articles: the index, the
    category, tag and author listings and their indexes, the feeds. The
    blog's title and URL show in every page's header and breadcrumbs."""

    # RoutablePageMixin's own `index_route` serves the page too.
    routes = {"index", "index_route", "categories", "authors", "category", "tag", "author", "feed", "category_feed"}

    def carries(self, page, request, route=None):
        if route not in self.routes:
            return None  # undeclared: never kept (tests/serving/test_declarations.py)
        return {tags.SITE, tags.page(page.pk), tags.ARTICLES}

    def purges(self, page):
        return {tags.SITE}


@declare("blog.ArticlePage")
class ArticlePage(PageType):
    """An article shows itself, the pages its body chooses, and its
    related articles and previous/next (what `links` says). Its change
    reaches itself and every card of it, every listing, feed and sitemap,
    the articles just before and after it, and the articles whose related
    list it can enter."""

    def carries(self, page, request, route=None):
        return self.content(page) | self.kept_links(page, request)

    def purges(self, page):
        categories = ArticleCategory.objects.filter(page=page).values_list("category_id", flat=True)
        neighbours = adjacent_articles(page, page.readable_siblings())
        return (
            {tags.page(page.pk), tags.ARTICLES, tags.RELATED_ANY}
            | {tags.category(pk) for pk in categories}
            | tags.pages(neighbour.pk for neighbour in neighbours if neighbour is not None)
        )

    def content(self, page):
        """The article's own content (header, body, author boxes, the call to
        book) and its breadcrumbs: its page, the names every page shows, and
        the pages its body chooses."""
        return {tags.SITE, tags.page(page.pk)} | tags.pages(pages_chosen_in(page.body))

    def links(self, page):
        """Its related articles and previous/next: its own page (its
        categories and tags choose the list), every article linked, `site`
        (the names on the cards), and what could enter the list
        (blog/related.py ranks the primary category first):
        `category-N` when the whole list is from its primary category, so only
        a new article in that category can enter it; else `related-any`, as a
        new article sharing a tag, or at worst just being newer, would."""
        found = {tags.SITE, tags.page(page.pk)}
        related = page.related_articles
        previous, following = page.adjacent_articles
        found |= tags.pages(linked.pk for linked in [*related, previous, following] if linked is not None)
        primary = page.primary_category
        full = len(related) == RELATED_LIMIT
        if primary is not None and full and getattr(related[-1], "in_primary_category", False):
            found.add(tags.category(primary.pk))
        else:
            found.add(tags.RELATED_ANY)
        return found

    def card(self, page):
        """Its card in a listing: its title, lead, picture and dates, and the
        names of its categories and authors."""
        return {tags.SITE, tags.page(page.pk)}

    def kept_links(self, page, request):
        """The tags the links' piece was kept with (rendering just read or
        stored it: templatetags/serving_fragments.py), so the related list
        is not ranked again; worked out when it is not kept."""
        if pieces.may_keep(request, page):
            found = pieces.lookup(links_piece_key(request, page))
            if found is not None:
                return found[1]
        return self.links(page)


LINKS_PIECE = "article_links"


def links_piece_key(request, page):
    """Where an article's related and previous/next links are kept; the
    host decides which site's URLs they link with."""
    return pieces.key(LINKS_PIECE, request.get_host(), page.pk, "")


@declare("pages.ContentPage")
class ContentPage(PageType):
    """A plain page (アクセス, 料金…): itself, the names every page shows,
    the pages its body chooses. It lists no articles. Its title is in its
    children's breadcrumbs, and in menus: its change purges every page."""

    def carries(self, page, request, route=None):
        return {tags.SITE, tags.page(page.pk)} | tags.pages(pages_chosen_in(page.body))

    def purges(self, page):
        return {tags.SITE}


@declare("contact.ContactFormPage")
class ContactFormPage(PageType):
    """The お問い合わせ form (contact/): each response holds its reader's
    CSRF token and what they typed, so none is kept by the app or the proxy
    (contact/caching.py marks it private, no-store). Its title is in the
    footer and the booking bar: its change purges every page."""

    cacheable = False

    def carries(self, page, request, route=None):
        return None

    def purges(self, page):
        return {tags.SITE}


# Views that are not pages, by URL name (site_project/urls.py): what each
# response carries. They change only through what they show.
VIEWS = {
    "search": {tags.SITE, tags.ARTICLES},
    "sitemap": {tags.SITE, tags.ARTICLES},
    "sitemap_part": {tags.SITE, tags.ARTICLES},
    "robots_txt": {tags.SITE},
    # Worked out from what readable articles embed.
    "external_transmission": {tags.SITE, tags.ARTICLES},
    "favicon": {tags.SITE},
    "web_manifest": {tags.SITE},
}


def for_view(request):
    """The tags a non-page view's response carries, or None when it
    declares none (it is then never kept)."""
    match = getattr(request, "resolver_match", None)
    return VIEWS.get(match.url_name) if match is not None else None


# Moving any page changes URLs, breadcrumbs and which blog lists it.
PAGE_MOVED = {tags.SITE}

# Other models whose save or deletion changes what pages show, by label:
# what it purges (signals.py says when). Their names and pictures are on
# cards, footers and headers everywhere, and edits are rare: every page.
OTHER_CHANGES = {
    "blog.Author": {tags.SITE},
    "blog.Category": {tags.SITE},
    "taggit.Tag": {tags.SITE},
    "clinic.ClinicSettings": {tags.SITE},
    "wagtailcore.Site": {tags.SITE},
    # A page made private or public again: what every listing may show.
    "wagtailcore.PageViewRestriction": {tags.SITE},
    "wagtailimages.Image": {tags.SITE},
}


def for_change(instance):
    """What saving or deleting `instance` (not a page) purges."""
    return OTHER_CHANGES[instance._meta.label]


# Values pages keep between requests (blog/kept.py), by name: the tags
# each is kept under, from the page it was made for.
KEPT_VALUES = {
    "blog": lambda page: {tags.SITE},
    "article-meta": lambda page: {tags.page(page.pk), tags.SITE},
    "listing-count": lambda page: set(tags.ARTICLE_SUMMARY),
    "categories_with_articles": lambda page: set(tags.ARTICLE_SUMMARY),
    "credited_authors": lambda page: set(tags.ARTICLE_SUMMARY),
    "listing_dates": lambda page: set(tags.ARTICLE_SUMMARY),
    "sitemap-count": lambda page: set(tags.ARTICLE_SUMMARY),
    "sitemap-lastmod": lambda page: set(tags.ARTICLE_SUMMARY),
    "home-categories": lambda page: set(tags.ARTICLE_SUMMARY),
}


def pages_chosen_in(stream):
    """The pks of the pages a StreamField value's blocks choose (any
    PageChooserBlock, however deep), read from its raw data: no query."""
    found = set()
    if stream is not None:
        for child in stream.raw_data:
            _chosen(stream.stream_block, [child], found)
    return found


def _chosen(block, raw, found):
    if raw is None:
        return
    if isinstance(block, blocks.PageChooserBlock):
        if isinstance(raw, int) and not isinstance(raw, bool):  # stored data may be damaged
            found.add(raw)
    elif isinstance(block, blocks.StreamBlock) and isinstance(raw, list):
        for child in raw:
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                _chosen(block.child_blocks[child["type"]], child.get("value"), found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child_block in block.child_blocks.items():
            _chosen(child_block, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and item.get("type") == "item" else item
            _chosen(block.child_block, value, found)
