"""Each page type declares, side by side, what its responses carry and what
its changes purge (serving/declarations.py), and serving/ derives the
response's tags, the purge and the pieces' tags from those declarations."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, get_resolver
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.models import get_page_models

from blog.models import BlogIndexPage
from pages.models import ContentPage
from serving import declarations, tags
from serving.purge import page_change_tags
from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[2]


def carried(response):
    return set(filter(None, response["X-Cache-Tags"].split(",")))


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model._meta.label)
def test_every_page_type_declares_what_it_carries_and_what_its_changes_purge(model):
    declared = declarations.PAGE_TYPES.get(model._meta.label)

    assert declared is not None, f"{model._meta.label} is not declared in serving/declarations.py"
    own = vars(type(declared))
    assert "carries" in own and "purges" in own, f"{model._meta.label} declares one side only"


def test_every_route_of_the_blog_is_declared():
    routes = {pattern.name for pattern in BlogIndexPage.get_subpage_urls()}

    assert routes == declarations.BlogIndexPage.routes


def test_every_view_readers_get_is_declared(settings):
    uncached = tuple(settings.SERVING_UNCACHED_PATHS)
    names = {
        pattern.name
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLPattern) and pattern.name and not ("/" + str(pattern.pattern)).startswith(uncached)
    }

    assert names - {"wagtailcore_authenticate_with_password"} == set(declarations.VIEWS)


def test_a_page_carries_what_its_type_declares(client, home):
    page = home.add_child(instance=ContentPage(title="アクセス", slug="access"))

    response = client.get(page.url)

    assert carried(response) == {tags.SITE, tags.page(page.pk)}


def test_a_page_type_that_declares_nothing_is_never_kept(client, home, monkeypatch):
    page = home.add_child(instance=ContentPage(title="アクセス", slug="access"))
    monkeypatch.delitem(declarations.PAGE_TYPES, "pages.ContentPage")

    first, second = client.get(page.url), client.get(page.url)

    assert (first.status_code, first["X-Page-Cache"], second["X-Page-Cache"]) == (200, "pass", "pass")
    assert "X-Cache-Tags" not in first and "private" in first["Cache-Control"]


def test_an_uncacheable_page_type_is_never_kept(client, home, monkeypatch):
    """A page that takes input (お問い合わせ) says `cacheable = False`."""
    page = home.add_child(instance=ContentPage(title="お問い合わせ", slug="contact"))
    monkeypatch.setattr(declarations.ContentPage, "cacheable", False)

    assert [client.get(page.url)["X-Page-Cache"] for _ in range(2)] == ["pass", "pass"]


def test_an_article_carries_the_articles_it_links_to_and_purges_its_neighbours(client, blog):
    older = make_article(blog, title="前の記事")
    article = make_article(blog, title="膝の記事")

    response = client.get(article.url)

    assert {tags.SITE, tags.page(article.pk), tags.page(older.pk)} <= carried(response)
    assert tags.ARTICLES not in carried(response)
    assert {tags.page(article.pk), tags.page(older.pk), tags.ARTICLES, tags.RELATED_ANY} <= page_change_tags(article)


def test_listings_carry_the_articles_tag(client, blog):
    make_article(blog, title="膝の記事")

    for url in (blog.url, blog.url + "feed/", "/sitemap.xml", "/search/?q=膝"):
        assert tags.ARTICLES in carried(client.get(url)), url


CARD_BODY = blocks.StreamBlock([
    ("paragraph", blocks.RichTextBlock()),
    ("blog_card", blocks.StructBlock([("page", blocks.PageChooserBlock(required=False)), ("url", blocks.URLBlock())])),
    ("buttons", blocks.ListBlock(blocks.StructBlock([("page", blocks.PageChooserBlock(required=False))]))),
])


def test_pages_a_body_chooses_are_found_in_its_raw_data_however_deep():
    body = StreamValue(CARD_BODY, [
        {"type": "paragraph", "value": "<p>本文</p>"},
        {"type": "blog_card", "value": {"page": 12, "url": ""}},
        {"type": "blog_card", "value": {"page": None, "url": "https://example.com/"}},
        {"type": "buttons", "value": [{"type": "item", "value": {"page": 7}, "id": "a"}, {"page": 9}]},
    ], is_lazy=True)

    assert declarations.pages_chosen_in(body) == {12, 7, 9}
    assert tags.pages(declarations.pages_chosen_in(body)) == {tags.page(7), tags.page(9), tags.page(12)}


# Tag names written out by hand: what tags.py exists to prevent.
HAND_MADE_TAG = re.compile(
    r"""f["'](page|category|tag)-\{[^}]*pk\}|["']related-any["']|(purge|remember)\(\s*[\[{(]\s*["'](site|articles)["']"""
)


def test_no_tag_is_written_out_by_hand_outside_tags_py():
    folders = [folder for folder in ROOT.iterdir() if folder.is_dir() and not folder.name.startswith(".")]
    sources = [path for folder in folders for pattern in ("*.py", "*.html") for path in folder.rglob(pattern)]
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if path != ROOT / "serving" / "tags.py" and HAND_MADE_TAG.search(path.read_text(errors="replace"))
    ]

    assert offenders == []

