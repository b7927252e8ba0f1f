"""Step 3 of the import, Wagtail's way: a Draft written with add_child,
save_revision() and publish(), for what the batches (bulk.py) do not take:
drafts, pending, scheduled, private and password-protected posts, pages,
updates and second readings (relink).
"""

from wagtail.models import Page, PageViewRestriction, ReferenceIndex

from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage
from pages.models import ContentPage

from .plan import unique_slug

LIVE_STATUSES = {"publish", "future", "private"}


def new_page(draft):
    model = ArticlePage if draft.kind == "post" else ContentPage
    return model(title=draft.title, live=False)


def fill(page, draft, terms):
    """The draft's fields on a page (new or already imported)."""
    page.title = draft.title
    page.body = list(draft.blocks)
    if draft.kind == "post":
        page.lead = draft.lead
        page.hero_image_id = draft.hero_image
        page.article_authors = [ArticleAuthor(author=terms.author(draft.author))]
        categories = list(dict.fromkeys(terms.category(t) for t in draft.categories)) or [terms.uncategorized()]
        page.article_categories = [ArticleCategory(category=c) for c in categories]
        tags = [terms.tag(t) for t in draft.tags]
        page.tags.set([t for t in dict.fromkeys(tags) if t is not None])


class PublishWriter:
    def __init__(self, records, terms):
        self.records = records
        self.terms = terms

    def write(self, draft, page, parent):
        """Writes the draft into `page` (None: a new page under `parent`);
        returns the page."""
        created = page is None
        if created:
            page = new_page(draft)
            page.slug = unique_slug(draft.slug, lambda s: parent.get_children().filter(slug=s).exists())
        fill(page, draft, self.terms)
        if created:
            parent.add_child(instance=page)
        self._publish(page, draft, created)
        self.records.set(draft.kind, draft.wp_id, page, draft.digest, page.latest_revision_id)
        # As saved: publishing saved the revision's copy of the page, so
        # this one's new authors, categories and tags have no IDs.
        ReferenceIndex.create_or_update_for_object(type(page).objects.get(pk=page.pk))
        return page

    def _publish(self, page, draft, created):
        status = draft.status
        published = draft.published
        if not created:
            PageViewRestriction.objects.filter(page=page).delete()
        if status == "private":
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        elif draft.password:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=draft.password[:255]
            )
        page.go_live_at = published if status == "future" else None
        if status in LIVE_STATUSES:
            page.first_published_at = published or page.first_published_at
            # A new page was validated by add_child a moment ago.
            page.save_revision(clean=not created).publish()
            if published:
                # Wagtail stamps "now"; the article was published back then.
                dates = {"first_published_at": published}
                if page.live:
                    dates["last_published_at"] = max(published, draft.modified or published)
                Page.objects.filter(pk=page.pk).update(**dates)
                page.first_published_at = published
        else:
            if page.live:
                page.unpublish()
            page.save_revision(clean=not created)
