"""The one definition of what a reader may see, and of what a listing loads."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from .links import ArticleAuthor, ArticleCategory


class ArticlePageQuerySet(PageQuerySet):
    def readable(self):
        """What a reader may see: live, public, inside its publication window.

        Every listing, feed, sitemap and search starts here."""
        now = timezone.now()
        return self.live().public().exclude(go_live_at__gt=now).exclude(expire_at__lte=now)

    def for_listing(self):
        """Newest first, with everything an article card shows, in a fixed
        number of queries whatever the number of articles."""
        return (
            self.select_related("hero_image")
            .prefetch_related(
                "hero_image__renditions",
                Prefetch(
                    "article_categories",
                    queryset=ArticleCategory.objects.select_related("category").order_by("sort_order"),
                ),
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def crediting(self, author):
        """Articles that credit `author` (an Author, its pk, or an OuterRef to
        one) as a writer or as the 監修 reviewer: both bylines link to the
        author's page, so the author page, the author index and the sitemap
        all ask this. Each article carries `reviewed_only`, true where the
        author only reviewed it. One row per article (EXISTS, not a join),
        so it can be counted."""
        # Inside EXISTS, "pk" is the ArticleAuthor's page; an OuterRef from the
        # caller reaches one level further out.
        writer = OuterRef(author) if isinstance(author, OuterRef) else author
        wrote = Exists(ArticleAuthor.objects.filter(page=OuterRef("pk"), author=writer))
        return self.filter(wrote | Q(reviewer=author)).annotate(reviewed_only=~wrote)


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)
