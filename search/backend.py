"""Wagtail's database search backend, speaking Japanese.

WAGTAILSEARCH_BACKENDS points here, so the admin's page search and snippet
search (which call the backend's search()/autocomplete()) index and query
text through the same analyser as the reader search. Wagtail's own index
tables and query compilers stay as they are; only text crosses the analyser:

- indexing: every search field's value is replaced by its analysed tokens
  before the stock indexer sees it (the value is read once per index column,
  so analysing is cached in search.analyser.index_text);
- querying: the query's text is replaced by its analysed tokens, and a
  `fields=[…]` restriction is dropped, because on PostgreSQL it would search
  the raw, unanalysed columns and find nothing.
"""

import copy
from functools import lru_cache

from django.utils.encoding import force_str
from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from .analyser import index_text, query_text


def flatten(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return "\n".join(flatten(item) for item in value)
    return force_str(value)


class AnalysedObject:
    """Stands in for a model instance while the stock indexer reads it: its
    search fields return analysed tokens instead of raw text."""

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, name):
        return getattr(self._obj, name)

    def get_search_fields(self):
        return [analysed_field(field) for field in self._obj.get_search_fields()]


def unwrap(obj):
    return obj._obj if isinstance(obj, AnalysedObject) else obj


def analysed_field(field):
    field = copy.copy(field)
    read = field.get_value
    if isinstance(field, (SearchField, AutocompleteField)):
        field.get_value = lambda obj: index_text(flatten(read(unwrap(obj))))
    elif isinstance(field, RelatedFields):
        field.fields = [analysed_field(sub_field) for sub_field in field.fields]
        field.get_value = lambda obj: read(unwrap(obj))
    return field


def analysed_query(query):
    """The same query with its text analysed; None when nothing searchable is left."""
    if isinstance(query, str):
        return query_text(query) or None
    if isinstance(query, (PlainText, Phrase)):
        # A phrase becomes all of its words: the index holds extra sub-word
        # tokens, so positions do not line up with the reader's wording.
        text = query_text(query.query_string)
        return PlainText(text, operator=getattr(query, "operator", "and")) if text else None
    if isinstance(query, (And, Or)):
        parts = [part for part in map(analysed_query, query.subqueries) if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not):
        inner = analysed_query(query.subquery)
        return Not(inner) if inner is not None else None
    if isinstance(query, Boost):
        inner = analysed_query(query.subquery)
        return Boost(inner, query.boost) if inner is not None else None
    return query  # MatchAll and anything without text


class AnalysedIndexMixin:
    def add_items(self, model, objs):
        return super().add_items(model, [AnalysedObject(obj) for obj in objs])


class AnalysedBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = analysed_query(query)
        if query is None:
            # A query of only symbols or emoji analyses to nothing. The admin's
            # listings read `.model` off the results, as off a queryset, so
            # the empty results must still say what they are empty of.
            empty = EmptySearchResults()
            empty.model = getattr(model_or_queryset, "model", model_or_queryset)
            return empty
        kwargs["fields"] = None
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@lru_cache(maxsize=None)
def analysed_backend_class(stock_class):
    index_class = type("AnalysedIndex", (AnalysedIndexMixin, stock_class.index_class), {})
    return type(
        f"Analysed{stock_class.__name__}",
        (AnalysedBackendMixin, stock_class),
        {"index_class": index_class},
    )


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks up in a backend module)
    """Wagtail's database backend for the current database, analysed."""
    stock = database.SearchBackend(params)
    return analysed_backend_class(type(stock))(params)
