"""Every reader route, sent hostile ?page= and ?q= values and every HTTP
method: no answer is a 5xx."""

import pytest

from tests.hostile.conftest import assert_no_server_errors
from tests.hostile.inputs import page_query_strings, search_query_strings, spread

pytestmark = pytest.mark.django_db


LISTINGS = ["/blog/", "/blog/category/knee/", "/blog/tag/膝/", "/blog/author/yamada/", "/search/?q=膝"]


def get_all(client, pairs):
    results = []
    for url, query in pairs:
        joined = f"{url}{'&' if '?' in url else '?'}{query}"
        results.append((f"GET {joined}", client.get(joined).status_code))
    return results


def test_hostile_page_numbers_on_every_listing(hostile_client):
    # Every value on the blog's own listing; the other listings share them.
    pairs = [(LISTINGS[0], query) for query in page_query_strings()]
    pairs += spread(LISTINGS[1:], page_query_strings(), times=2)
    assert_no_server_errors(get_all(hostile_client, pairs))


def test_hostile_page_numbers_on_every_other_reader_route(hostile_client, reader_urls):
    others = [url for url in reader_urls if url not in LISTINGS]
    assert_no_server_errors(get_all(hostile_client, spread(others, page_query_strings(), times=2)))


def test_hostile_search_queries(hostile_client, reader_urls):
    pairs = [("/search/", query) for query in search_query_strings()]
    pairs += [("/search/", f"{q}&{p}") for q, p in zip(search_query_strings(), page_query_strings())]
    # Other routes ignore q, but must ignore it safely too.
    pairs += spread(reader_urls, search_query_strings())
    assert_no_server_errors(get_all(hostile_client, pairs))


@pytest.mark.parametrize("method", ["head", "options", "post", "put", "patch", "delete", "trace"])
def test_every_method_on_every_reader_route(hostile_client, reader_urls, method):
    results = []
    for url in reader_urls:
        response = hostile_client.generic(method.upper(), url, data=b"q=%E8%86%9D&page=-1",
                                          content_type="application/x-www-form-urlencoded")
        results.append((f"{method.upper()} {url}", response.status_code))
    assert_no_server_errors(results)


def test_hostile_paths(hostile_client):
    paths = [
        "/blog/" + "a" * 300 + "/", "/blog/%00/", "/blog/%ED%A0%80/", "/blog/tag/" + "膝" * 200 + "/",
        "/blog/author/%ff/", "/blog/category/../../etc/passwd/", "/blog/page/-1/", "/" + "x/" * 500,
        "/blog/feed/feed/feed/", "/search/search/", "/sitemap.xml?p=-1", "/sitemap.xml?p=abc", "/sitemap.xml?p=9999999",
        "/sitemap-articles.xml?p=-1", "/sitemap-articles.xml?p=abc", "/sitemap-articles.xml?p=9999999", "/sitemap-nope.xml",
        "/documents/1/x.pdf", "/documents/999999999999/x.pdf", "/_util/authenticate_with_password/1/1/",
        "/_util/authenticate_with_password/999999999999999999999/1/", "/_util/login/?next=javascript:alert(1)",
        "/admin/login/?next=//evil.example/", "/%2e%2e/%2e%2e/etc/passwd", "/static/../manage.py",
    ]
    results = [(f"GET {path}", hostile_client.get(path).status_code) for path in paths]
    results += [(f"POST {path}", hostile_client.post(path).status_code) for path in paths]
    assert_no_server_errors(results)
