"""New published posts written in batches: what Wagtail's add_child +
save_revision().publish() leave behind, written with a handful of queries
per batch instead of about a hundred per post.

Per post, at once (so a later post can link to it by ID): the page row, at
the tree path after the blog's last child, validated as Wagtail validates a
page it publishes (full_clean). Per batch: its authors, categories and tags,
its revision (latest and live), the log entries Wagtail writes on creating
and publishing a page ("wagtail.create", "wagtail.publish"), its reference
index rows, the importer's records and the redirects, and the blog's
numchild. Wagtail's publish also sends page_published: of its receivers,
the reader index is told about each page here, and the page cache is purged
once at the end of the import (`finish`) rather than once per post.

Only new posts that go live now take this path; drafts, scheduled, private
and password-protected posts, updates and pages keep Wagtail's own pipeline
(importer.py flushes the batch before each of those, so the tree and the
records are always whole when Wagtail reads them).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, models
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision

from blog.links import ArticleAuthor, ArticleCategory, ArticleTag
from search import signals as reader_index
from serving import tags as cache_tags
from serving.purge import purge

from .plan import unique_slug
from .write import fill, new_page

BATCH_SIZE = 100


class BulkPosts:
    def __init__(self, blog, records, redirects, terms):
        self.blog = blog
        self.records = records
        self.redirects = redirects
        self.terms = terms
        self.pending = []  # (page, ImportedObject row), at most BATCH_SIZE
        self.written = 0
        self._slugs = None  # the blog's children's slugs, read once
        self._last_path = None  # the blog's last child's path, read once

    # Before the page is written ---------------------------------------------------

    def slug_taken(self, slug):
        if self._slugs is None:
            self._slugs = set(self.blog.get_children().values_list("slug", flat=True))
        return slug in self._slugs

    def child_added(self, page):
        """Wagtail's add_child put a page under the blog (a draft, say)."""
        if self._slugs is not None:
            self._slugs.add(page.slug)
        self._last_path = page.path

    def _next_path(self):
        if self._last_path is None:
            last = self.blog.get_last_child()
            if last is None:
                return Page._get_path(self.blog.path, self.blog.depth + 1, 1)
            self._last_path = last.path
        return Page(path=self._last_path)._inc_path()

    # Per post ---------------------------------------------------------------------

    def write(self, draft):
        """Write a draft as a new, live article under the blog; returns the
        page. Raises ValidationError (nothing written) if Wagtail would
        refuse to publish it."""
        page = new_page(draft)
        page.slug = unique_slug(draft.slug, self.slug_taken)
        fill(page, draft, self.terms)
        published, modified = draft.published, draft.modified
        blog = self.blog
        now = timezone.now()
        page.depth = blog.depth + 1
        page.path = self._next_path()
        page.numchild = 0
        page.url_path = f"{blog.url_path}{page.slug}/"
        page.locale_id = blog.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.first_published_at = published or now
        page.last_published_at = max(published, modified or published) if published else now
        page.latest_revision_created_at = now
        # treebeard's own cache of the parent: Page.clean checks the slug
        # among its siblings without reading the blog again.
        page._cached_parent_obj = blog
        # The path is new and the translation key random: only the slug
        # can clash, and Page.clean checks that against the database. The
        # content type and locale were just set from Wagtail's own rows.
        page.full_clean(exclude=["content_type", "locale"], validate_unique=False, validate_constraints=False)
        # A new page has no comments: say so, or serialising it for its
        # revision and its references reads them from the database twice.
        setattr(page, COMMENTS_RELATION_NAME, [])
        # Django's save of the rows only: Page.save's housekeeping (url_path,
        # locale, draft title) is done above, modelcluster's save of the
        # child relations is done in bulk by flush().
        try:
            models.Model.save(page)
        except DatabaseError:
            # Someone else may have added a page under the blog meanwhile:
            # read its last child again for the next post.
            self._last_path = None
            raise
        self.child_added(page)
        row = self.records.add_page("post", draft.wp_id, page, draft.digest)
        self.pending.append((page, row))
        return page

    def full(self):
        return len(self.pending) >= BATCH_SIZE

    # Per batch ----------------------------------------------------------------------

    def flush(self):
        self.redirects.flush()
        if not self.pending:
            return
        pages = [page for page, _ in self.pending]
        self._links(pages)
        revisions = self._revisions(pages)
        for (page, row), revision in zip(self.pending, revisions):
            page.latest_revision = page.live_revision = revision
            row.revision_id = revision.pk
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
        self._log(pages)
        self._references(pages)
        self.records.save_added()
        Page.objects.filter(pk=self.blog.pk).update(numchild=F("numchild") + len(pages))
        self.blog.numchild += len(pages)
        for page in pages:
            # page_published's receiver for the reader index: it notes the
            # page, and indexes it with the others when the import is done.
            reader_index.index_published_article(sender=type(page), instance=page)
        self.written += len(pages)
        self.pending = []

    def finish(self):
        self.flush()
        if self.written:
            # What page_published would have purged for each article (it,
            # its neighbours, every listing, feed and sitemap), at once.
            purge({cache_tags.SITE})

    def _links(self, pages):
        authors, categories, tags = [], [], []
        for page in pages:
            for relation, bucket in (("article_authors", authors), ("article_categories", categories)):
                for order, link in enumerate(getattr(page, relation).all()):
                    link.page, link.sort_order = page, order
                    bucket.append(link)
            for tag in page.tagged_items.all():
                tag.content_object = page
                tags.append(tag)
        ArticleAuthor.objects.bulk_create(authors)
        ArticleCategory.objects.bulk_create(categories)
        ArticleTag.objects.bulk_create(tags)

    def _revisions(self, pages):
        base = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type=ContentType.objects.get_for_model(page),
                base_content_type=base,
                object_id=str(page.pk),
                content=page.serializable_data(),
                object_str=str(page),
                created_at=page.latest_revision_created_at,
            )
            for page in pages
        ]
        return Revision.objects.bulk_create(revisions)

    def _log(self, pages):
        context = get_active_log_context()
        entries = []
        for page in pages:
            common = {
                "content_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
                "label": page.get_admin_display_title(),
                "page": page,
                "user": context.user,
                "uuid": context.uuid,
                "content_changed": True,
                "timestamp": page.latest_revision_created_at,
            }
            entries.append(PageLogEntry(action="wagtail.create", **common))
            entries.append(PageLogEntry(action="wagtail.publish", revision=page.live_revision, **common))
        PageLogEntry.objects.bulk_create(entries)

    def _references(self, pages):
        """What ReferenceIndex.create_or_update_for_object writes for a page
        that has no rows yet."""
        base = ContentType.objects.get_for_model(Page)
        rows = []
        for page in pages:
            content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
            for to_type, to_id, model_path, content_path in set(ReferenceIndex._extract_references_from_object(page)):
                rows.append(
                    ReferenceIndex(
                        content_type=content_type,
                        base_content_type=base,
                        object_id=page.pk,
                        to_content_type_id=to_type,
                        to_object_id=to_id,
                        model_path=model_path,
                        content_path=content_path,
                        content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                    )
                )
        ReferenceIndex.objects.bulk_create(rows, ignore_conflicts=connection.features.supports_ignore_conflicts)
