"""search_articles on PostgreSQL leaves the connection as it found it."""

import pytest
from django.db import connection

from search.query import search_articles
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner setting exists only on PostgreSQL")
def test_search_inside_a_transaction_gives_later_queries_their_usual_plans(blog):
    make_article(blog, title="膝の体操")

    found = [hit.article.title for hit in search_articles("膝")]  # pytest-django's transaction is open

    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
    assert found == ["膝の体操"]
