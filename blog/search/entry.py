from django.db import models


class SearchEntry(models.Model):
    """One readable article, as tokens (see blog.search.analyser).

    The database does the matching: on PostgreSQL a generated, weighted
    tsvector column with a GIN index; on SQLite an FTS5 table kept in step by
    triggers. Both are created in migration 0002 and are invisible to Django.
    """

    page = models.OneToOneField(
        "blog.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    title = models.TextField()
    body = models.TextField()

    class Meta:
        app_label = "blog"

    def __str__(self):
        return f"SearchEntry({self.page_id})"
