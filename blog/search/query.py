"""The reader search: matching ids from the database's own full-text index,
then the articles of one result page.

One query returns every matching, readable article id, best first; a title
match outranks a body match. Readability is checked in that same query, so an
article that became private or expired since it was indexed is never shown.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models.expressions import RawSQL

from .analyser import get_analyser

# The GIN index finds the hits first (MATERIALIZED keeps the planner from
# checking every readable article's vector instead); readability is then
# checked for the hits only. Ranking: how well the title matches, then newest
# first. Ranking the body too (ts_rank over the whole vector) cost ~20 ms per
# 3,000 hits, which broke the latency target for common words.
POSTGRES_SQL = """
    WITH hits AS MATERIALIZED (
        SELECT page_id, ts_rank(title_vector, plainto_tsquery('simple', %s)) AS rank
        FROM blog_searchentry WHERE vector @@ plainto_tsquery('simple', %s)
    )
    SELECT page_id FROM hits WHERE page_id IN ({readable})
    ORDER BY rank DESC, page_id DESC
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
    text = " ".join(tokens)
    if connection.vendor == "postgresql":
        readable_hits = readable_ids.filter(pk__in=RawSQL("SELECT page_id FROM hits", []))
        readable, readable_params = readable_hits.query.sql_with_params()
        sql, params = POSTGRES_SQL.format(readable=readable), [text, text, *readable_params]
    elif connection.vendor == "sqlite":
        readable, readable_params = readable_ids.query.sql_with_params()
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
