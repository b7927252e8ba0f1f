"""blog/pagination.py: a long listing links the pages a reader needs
(1 … 13 14 15 16 17 … 30), not one link per page."""

import re

import pytest

from tests.factories import AuthorFactory, CategoryFactory, make_articles
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def page_links(html):
    nav = html.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r">(\d+|…)</(?:a|span)>", nav)


def test_long_listing_elides_the_middle_pages(client, blog, settings):
    settings.BLOG_PAGE_SIZE = 1
    make_articles(blog, 30, authors=[AuthorFactory()], categories=[CategoryFactory()])

    html = reader_html(client.get(f"{blog.url}?page=15"))

    assert page_links(html) == ["1", "…", "13", "14", "15", "16", "17", "…", "30"]
    assert '<span aria-current="page">15</span>' in html


def test_short_listing_shows_every_page(client, blog, settings):
    settings.BLOG_PAGE_SIZE = 1
    make_articles(blog, 4, authors=[AuthorFactory()], categories=[CategoryFactory()])

    assert page_links(reader_html(client.get(blog.url))) == ["1", "2", "3", "4"]


def card_titles(html):
    return re.findall(r'<h3 class="card__title">(.*?)</h3>', html)


def test_pages_read_from_either_end_list_every_article_once_newest_first(client, blog, settings):
    """Pages past the middle are read in reverse order (ListingPaginator):
    walking every page still gives each article once, in the same order as
    one long page, ties on the publication time included."""
    settings.BLOG_PAGE_SIZE = 5
    articles = make_articles(blog, 23, authors=[AuthorFactory()], categories=[CategoryFactory()])
    tied = articles[10].first_published_at  # three articles published at the same moment
    type(articles[0]).objects.filter(pk__in=[a.pk for a in articles[9:12]]).update(first_published_at=tied)

    walked = []
    for number in range(1, 6):
        walked += card_titles(reader_html(client.get(f"{blog.url}?page={number}")))
    settings.BLOG_PAGE_SIZE = 100
    in_one_page = card_titles(reader_html(client.get(blog.url)))

    assert len(in_one_page) == 23 and len(set(in_one_page)) == 23
    assert walked == in_one_page
    assert len(card_titles(reader_html(client.get(f"{blog.url}?page=5")))) == 3
    assert client.get(f"{blog.url}?page=6").status_code == 404
