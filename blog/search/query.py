"""The reader search: matching ids from the database's own full-text index,
then the articles of one result page.

One query returns every matching, readable article id, best first; titles
weigh ten times the body. Readability is checked in that same query, so an
article that became private or expired since it was indexed is never shown.
"""

from collections.abc import Sequence

from django.db import connection

from .analyser import get_analyser

POSTGRES_SQL = """
    SELECT page_id FROM blog_searchentry
    WHERE vector @@ plainto_tsquery('simple', %s) AND page_id IN ({readable})
    ORDER BY ts_rank('{{0, 0, 0.1, 1}}', vector, plainto_tsquery('simple', %s)) DESC, page_id DESC
"""
# "+rowid" keeps SQLite from handing the id list to FTS5 as rowid lookups,
# which runs the full-text match once per readable article (10x slower).
SQLITE_SQL = """
    SELECT rowid FROM blog_searchentry_fts
    WHERE blog_searchentry_fts MATCH %s AND +rowid IN ({readable})
    ORDER BY bm25(blog_searchentry_fts, 10.0, 1.0), rowid DESC
"""


def fts5_expression(tokens):
    """Each token as an FTS5 string, so quotes, AND/OR/NOT, NEAR, * and
    parentheses typed by a reader are only ever text."""
    return " ".join('"{}"'.format(token.replace('"', '""')) for token in tokens)


def matching_ids(tokens):
    from blog.models import ArticlePage

    readable_ids = ArticlePage.objects.readable().order_by().values("pk")
    readable, readable_params = readable_ids.query.sql_with_params()
    text = " ".join(tokens)
    if connection.vendor == "postgresql":
        sql, params = POSTGRES_SQL.format(readable=readable), [text, *readable_params, text]
    elif connection.vendor == "sqlite":
        sql, params = SQLITE_SQL.format(readable=readable), [fts5_expression(tokens), *readable_params]
    else:
        raise NotImplementedError(f"Japanese search supports PostgreSQL and SQLite, not {connection.vendor}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


class SearchResults(Sequence):
    """Matching articles in rank order. Only the slice a page shows is loaded
    (with everything an article card needs), so Paginator can work on it."""

    def __init__(self, ids, tokens):
        self.ids = ids
        self.tokens = tokens

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._load(self.ids[index])
        return self._load([self.ids[index]])[0]

    def _load(self, ids):
        from blog.models import ArticlePage

        by_id = ArticlePage.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]


def search_articles(query):
    """Readable articles matching every word of `query`, best first.
    Any text is a valid query; one with nothing searchable in it finds nothing."""
    tokens = get_analyser().tokens_for_query(query or "")
    return SearchResults(matching_ids(tokens) if tokens else [], tokens)
