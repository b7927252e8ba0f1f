"""The admin's search and listing screens, sent hostile ?q=, ?p= and ?page=
by a logged-in editor: no answer is a 5xx."""

import pytest

from tests.hostile.conftest import assert_no_server_errors
from tests.hostile.inputs import page_query_strings, search_query_strings, spread

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_screens(hostile_site):
    return [
        "/admin/pages/search/",
        f"/admin/pages/{hostile_site['blog'].pk}/",
        "/admin/snippets/blog/author/",
        "/admin/snippets/blog/category/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/choose-page/search/",
    ]


@pytest.fixture
def editor_client(hostile_client, django_user_model):
    hostile_client.force_login(django_user_model.objects.create_superuser("hostile-editor", "h@example.jp", "pw"))
    return hostile_client


def get_all(client, pairs):
    results = []
    for url, query in pairs:
        results.append((f"GET {url}?{query}", client.get(f"{url}?{query}").status_code))
    return results


def test_hostile_search_queries_on_admin_screens(editor_client, admin_screens):
    assert_no_server_errors(get_all(editor_client, spread(admin_screens, search_query_strings())))


@pytest.mark.parametrize("parameter", ["p", "page"])
def test_hostile_page_numbers_on_admin_screens(editor_client, admin_screens, parameter):
    assert_no_server_errors(get_all(editor_client, spread(admin_screens, page_query_strings(parameter))))
