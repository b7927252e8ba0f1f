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
