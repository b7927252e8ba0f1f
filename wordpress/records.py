"""The importer's memory: WordPress ID → Teate object, per exported site."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .models import ImportedObject


class Records:
    def __init__(self, source):
        self.source = source
        self.rows = {(row.kind, row.wp_id): row for row in ImportedObject.objects.filter(source=source)}
        self._objects = {}
        self._live_pages = set()
        self._added = []  # rows of pages written in a batch, saved with it

    def row(self, kind, wp_id):
        return self.rows.get((kind, str(wp_id)))

    def get(self, kind, wp_id):
        """The Teate object a WordPress object became, or None if it was
        never imported or has since been deleted in Teate."""
        key = (kind, str(wp_id))
        if key in self._objects:
            return self._objects[key]
        row = self.rows.get(key)
        obj = None
        if row is not None:
            model = ContentType.objects.get_for_id(row.content_type_id).model_class()
            obj = model.objects.filter(pk=row.object_id).first() if model else None
            if isinstance(obj, Page):
                return obj.specific
        self._objects[key] = obj
        return obj

    def page_id(self, kind, wp_id):
        """The page's ID, if it was imported and still exists."""
        row = self.rows.get((kind, str(wp_id)))
        if row is None:
            return None
        if row.object_id not in self._live_pages:
            if not Page.objects.filter(pk=row.object_id).exists():
                return None
            self._live_pages.add(row.object_id)
        return row.object_id

    def set(self, kind, wp_id, obj, source_hash="", revision_id=None):
        key = (kind, str(wp_id))
        row, _ = ImportedObject.objects.update_or_create(
            source=self.source,
            kind=kind,
            wp_id=str(wp_id),
            defaults={
                "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False)
                if not isinstance(obj, Page)
                else ContentType.objects.get_for_model(Page),
                "object_id": obj.pk,
                "source_hash": source_hash,
                "revision_id": revision_id,
            },
        )
        self.rows[key] = row
        # Pages carry their whole body: keep only their ID, so memory does
        # not grow with the number of posts.
        if isinstance(obj, Page):
            self._objects.pop(key, None)
        else:
            self._objects[key] = obj

    def add_page(self, kind, wp_id, page, source_hash):
        """A page bulk.py wrote: its row is known at once (a later post may
        link to the page) and saved with the batch (save_added); its
        revision_id is set by then."""
        key = (kind, str(wp_id))
        row = ImportedObject(
            source=self.source,
            kind=kind,
            wp_id=str(wp_id),
            content_type=ContentType.objects.get_for_model(Page),
            object_id=page.pk,
            source_hash=source_hash,
        )
        self.rows[key] = row
        self._objects.pop(key, None)
        self._live_pages.add(page.pk)
        self._added.append(row)
        return row

    def save_added(self):
        ImportedObject.objects.bulk_create(self._added)
        self._added = []
