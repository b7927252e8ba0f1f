"""The hostile inputs, as a generated table: every value below is sent to
every route it applies to (tests/hostile/test_*.py). Values are raw query
strings, percent-encoded as a browser or a script would send them."""

from urllib.parse import quote


def encoded(value):
    """A str as UTF-8 percent-encoding; lone surrogates kept as the bytes a
    careless client would send."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


PAGE_VALUES = [
    "", "0", "-1", "-0", "+1", "1", "2", "3", "99", "2147483648", "9" * 30, "9" * 5000, "1e9", "1.5", "0x10",
    "abc", "NaN", "inf", " 1", "1 ", "１", "٣", "²", "一", "〇", "1\x00", "\x00", "\ud800", "\udfff", "%", "%%",
    "[]", "{}", "null", "true", "' OR 1=1 --", "1;DROP TABLE wagtailcore_page", "膝", "🦵", "\u202e1",
]

QUERY_VALUES = [
    '"', "'", '""', "'''", '"膝', '膝"', "`", "\\", "\\\\", "\x00", "膝\x00腰", "\ud800", "\udfff", "膝\ud83e",
    "AND", "OR", "NOT", "膝 AND 腰", "膝 OR", "NOT 膝", "NEAR(膝 腰)", "NEAR(膝 腰, 2)", "膝*", "*", "^膝",
    "title:膝", "{title body}:膝", "(膝", "膝)", "()", "-膝", "+膝", "膝 -腰", "~膝", "膝~2", "膝^3",
    "' OR 1=1 --", "'; DROP TABLE wagtailcore_page; --", "% _", "%%", "_", "膝' UNION SELECT 1 --", "$1", "?",
    ":name", "@@version", "1/0", "膝" * 10_000, "a " * 5_000, "x" * 10_000, "🦵" * 2_000, "\u0301" * 500,
    "\u202e膝", " ", "\t\n\r", "<script>alert(1)</script>", "&amp;", "%00", "ｈｉｚａ", "ﾋｻﾞ",
]

RAW_QUERY_STRINGS = [
    "q=%ff%fe", "q=%e8%86", "q=%", "q=%zz", "q=%00%00", "q=1&q=2", "q[]=1", "q", "&&&", "=", "q=%ED%A0%80",
    "page=1&page=2", "page[]=1", "page", "page=%ff", "page=%00", "page=%E2%80%AE1",
]


def page_query_strings(parameter="page"):
    return [f"{parameter}={encoded(value)}" for value in PAGE_VALUES] + RAW_QUERY_STRINGS


def search_query_strings(parameter="q"):
    return [f"{parameter}={encoded(value)}" for value in QUERY_VALUES] + RAW_QUERY_STRINGS


def spread(routes, queries, times=1):
    """(route, query) pairs: each query sent to `times` routes, round robin,
    so every route gets its share and every query is sent. A generated table
    that keeps the suite fast; routes that paginate get every value (below)."""
    pairs = []
    for i, query in enumerate(queries):
        for k in range(times):
            pairs.append((routes[(i * times + k) % len(routes)], query))
    return pairs
