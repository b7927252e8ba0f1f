from django.db import models


class SearchEntry(models.Model):
    """One readable article, as tokens (see search.analyser).

    The database does the matching: on PostgreSQL a generated, weighted
    tsvector column with a GIN index; on SQLite an FTS5 table kept in step by
    triggers. Both were created by blog's migration 0003 and are invisible to
    Django; they name the table, which is why it keeps blog's name.
    """

    page = models.OneToOneField(
        "blog.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    title = models.TextField()
    body = models.TextField()

    class Meta:
        db_table = "blog_searchentry"

    def __str__(self):
        return f"SearchEntry({self.page_id})"
