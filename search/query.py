"""The reader search: matching ids from the database's own full-text index,
then the articles of one result page.

One query returns every matching, readable article id, best first; a title
match outranks a body match. Readability is checked in that same query, so an
article that became private or expired since it was indexed is never shown.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from blog.models import ArticlePage

from .analyser import MAX_QUERY_CHARS, get_analyser
from .highlight import excerpt, highlight
from .index import reader_text

# The GIN index finds the hits (see _ids_through_gin; migration 0005 keeps
# the index free of a pending list, which is as slow as reading every vector)
# and readability is checked by joining each hit to its page, not by a subquery
# over every readable article. Ranking: how well the title matches, then
# newest first. Ranking the body too (ts_rank over the whole vector) cost
# ~20 ms per 3,000 hits, which broke the latency target for common words.
POSTGRES_QUERY = "plainto_tsquery('simple', %s)"
# A kana query also matches its reading: every word, or the reading.
POSTGRES_QUERY_OR_READING = "(plainto_tsquery('simple', %s) || plainto_tsquery('simple', %s))"
POSTGRES_MATCH = "blog_searchentry.vector @@ {query}"
POSTGRES_RANK = "ts_rank(blog_searchentry.title_vector, {query})"
# "+rowid" keeps SQLite from handing the id list to FTS5 as rowid lookups,
# which runs the full-text match once per readable article (10x slower).
SQLITE_SQL = """
    SELECT rowid FROM blog_searchentry_fts
    WHERE blog_searchentry_fts MATCH %s AND +rowid IN ({readable})
    ORDER BY {reading_first}bm25(blog_searchentry_fts, 10.0, 1.0), rowid DESC
"""
# A kana query's reading hits come first: がそく means 鵞足 before it means
# whatever its kana happen to spell word by word (が, そう, 九).
SQLITE_READING_FIRST = "rowid IN (SELECT rowid FROM blog_searchentry_fts WHERE blog_searchentry_fts MATCH %s) DESC, "


def fts5_expression(tokens, reading=None):
    """Each token as an FTS5 string, so quotes, AND/OR/NOT, NEAR, * and
    parentheses typed by a reader are only ever text."""
    every_word = " ".join('"{}"'.format(token.replace('"', '""')) for token in tokens)
    if reading is None:
        return every_word
    reading = '"{}"'.format(reading.replace('"', '""'))
    return f"({every_word}) OR {reading}" if every_word else reading


def clean_query(text):
    """What the reader typed, as the page shows it back: runs of white space
    folded, and cut (never refused) at MAX_QUERY_CHARS."""
    return " ".join((text or "").split())[:MAX_QUERY_CHARS]


def matching_ids(tokens, reading=None):
    readable = ArticlePage.objects.readable().order_by()
    if connection.vendor == "postgresql":
        query, params, reading_first = POSTGRES_QUERY, [" ".join(tokens)], []
        if reading is not None:
            query, params = POSTGRES_QUERY_OR_READING, [*params, reading]
            reading_first = [RawSQL(POSTGRES_MATCH.format(query=POSTGRES_QUERY), [reading]).desc()]
        hits = (
            readable.filter(search_entry__isnull=False)
            .filter(RawSQL(POSTGRES_MATCH.format(query=query), params, output_field=BooleanField()))
            .order_by(*reading_first, RawSQL(POSTGRES_RANK.format(query=query), params).desc(), "-pk")
            .values_list("pk")
        )
        return _ids_through_gin(*hits.query.sql_with_params())
    if connection.vendor == "sqlite":
        readable_sql, readable_params = readable.values("pk").query.sql_with_params()
        sql = SQLITE_SQL.format(readable=readable_sql, reading_first=SQLITE_READING_FIRST if reading else "")
        params = [fts5_expression(tokens, reading), *readable_params]
        if reading is not None:
            params.append(fts5_expression([reading]))
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
    raise NotImplementedError(f"Japanese search supports PostgreSQL and SQLite, not {connection.vendor}")


def _ids_through_gin(sql, params):
    """Run `sql` with sequential scans ruled out, for this statement only.

    The planner does not count decompressing each article's tsvector from
    TOAST, so for a word in a third of the articles it reads the whole table
    (25-50 ms for 10,000 articles) rather than the GIN index (3 ms, no vector
    read at all). Sent as one string, the SET LOCAL lives in the statement's
    own implicit transaction; inside a caller's transaction the default is put
    back straight after. Several statements in one execute() need Django's
    default client-side binding (no OPTIONS["server_side_binding"])."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL enable_seqscan = off; {sql}; SET LOCAL enable_seqscan TO DEFAULT", params)
        cursor.nextset()
        return [row[0] for row in cursor.fetchall()]


@dataclass
class SearchHit:
    """One result as the page shows it: the article, and its title and an
    excerpt with the query's words marked."""

    article: ArticlePage
    title: str
    excerpt: str


class SearchResults(Sequence):
    """Matching articles in rank order, as SearchHits. Only the slice a page
    shows is loaded (with everything an article card needs) and highlighted,
    so Paginator can work on it."""

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
        return [self._hit(article) for article in self.articles(ids)]

    @staticmethod
    def articles(ids):
        """The articles behind `ids`, in that order, ready for article cards."""
        by_id = ArticlePage.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]

    def _hit(self, article):
        return SearchHit(article, highlight(article.title, self.tokens), excerpt(reader_text(article), self.tokens))


def search_articles(query):
    """Readable articles matching every word of `query`, best first.
    Any text is a valid query; one with nothing searchable in it finds nothing."""
    analyser = get_analyser()
    tokens = analyser.tokens_for_query(query or "")
    reading = analyser.reading_for_query(query or "")
    return SearchResults(matching_ids(tokens, reading) if tokens or reading else [], tokens)
