"""The WordPress import: scan → plan → write → relink.

1. scan (scan.py): read the whole file once, writing nothing; a hostile or
   broken file is refused here. Returns a frozen Scan.
2. plan (plan.py): each post or page, read again one at a time, becomes a
   Draft: a plain value with its title, slug, blocks and unresolved links.
3. write: in one transaction, authors and terms, then every draft in file
   order; a new post that goes live now through the batches (bulk.py), the
   rest through Wagtail's own add_child, save_revision and publish (write.py).
4. relink: the drafts that linked to a post further down the file, or
   whose parent page came later, are planned and written again now that
   every target exists.

The command line and the admin's background task both call `Importer.run`.
"""

import gc
import logging
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from blog.models import BlogIndexPage
from blog.snippets import Author

from . import wxr
from .bulk import BulkPosts
from .indexing import deferred_indexing
from .media import MediaLibrary
from .plan import Planner, source_hash, title_of
from .records import Records
from .redirects import Redirects
from .report import Report
from .scan import SKIPPED_STATUSES, host, scan
from .terms import Terms
from .themes import speaker_key
from .write import LIVE_STATUSES, PublishWriter

logger = logging.getLogger(__name__)


class ImportRefused(Exception):
    """The import cannot start; the message says why, in Japanese."""


class _DryRun(Exception):
    pass


class Importer:
    def __init__(self, path, media_dir=None, *, dry_run=False, overwrite=False, progress=None):
        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.dry_run = dry_run
        self.overwrite = overwrite
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.report.dry_run = dry_run
        self.total = 0

    def run(self):
        if not self.path.is_file():
            raise ImportRefused(_("ファイルが見つかりません: %(path)s") % {"path": self.path})
        if self.media_dir is not None and not self.media_dir.is_dir():
            raise ImportRefused(_("メディアのフォルダが見つかりません: %(path)s") % {"path": self.media_dir})
        # 1. The file is checked before the database is even looked at.
        self.scan = scan(self.path)
        self.total = self.scan.total
        self.blog = BlogIndexPage.objects.order_by("path").first()
        if self.blog is None:
            raise ImportRefused(_("ブログのページがありません。先にブログ（BlogIndexPage）を作ってください。"))
        self.home = self.blog.get_parent().specific
        site = self.blog.get_site() or Site.objects.filter(is_default_site=True).first()
        self.records = Records(self.scan.source)
        self.media = MediaLibrary(self.records, self.scan.attachments, self.media_dir, self.report)
        self.terms = Terms(self.records, self.scan.authors, self.report)
        self.redirects = Redirects(site, self.report)
        self.bulk = BulkPosts(self.blog, self.records, self.redirects, self.terms)
        self.publisher = PublishWriter(self.records, self.terms)
        try:
            # Wagtail re-indexes references and search on every save (a page
            # is saved several times on its way to published); do it once per
            # page, and search in batches at the end.
            with transaction.atomic(), disable_reference_index_auto_update(), deferred_indexing() as self.written:
                self.write_all()
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            self.media.discard_written()
        except BaseException:
            self.media.discard_written()
            raise
        return self.report

    def write_all(self):
        for login in self.scan.authors:
            self.terms.author(login)
        for term in self.scan.terms:
            self._term(term)
        # A balloon's speaker is an author when the names match.
        speakers = {speaker_key(name): pk for pk, name in Author.objects.values_list("pk", "name")}
        self.planner = Planner(self.scan, self.records, self.media, self.report, speakers)
        pending = set()  # WordPress IDs to plan again in the relink pass
        done = 0
        for kind, item in wxr.read(self.path):
            if kind == "item":
                if self.item(item):
                    pending.add(item.post_id)
                done += 1
                self.progress(done, self.total)
        self.bulk.flush()
        self.relink(pending)
        feed = self.blog.url + self.blog.reverse_subpage("feed")
        self.redirects.add(f"{self.scan.prefix}/feed/", link=feed)
        self.redirects.add(f"{self.scan.prefix}/?feed=rss2", link=feed)
        self.bulk.finish()
        # Pages and their child relations refer to each other: free the last
        # batches' before the search indexes read every page back.
        gc.collect()

    def relink(self, pending):
        """4. Plan and write again the drafts whose links or parent page were
        not there yet. A parent page may in turn have waited for its own
        parent: repeat while that makes progress, then place what is left
        under the home page."""
        final = False
        while pending:
            waiting, pending = pending, set()
            for kind, item in wxr.read(self.path):
                if kind == "item" and item.post_id in waiting and self.item(item, relink=True, final=final):
                    pending.add(item.post_id)
            final = pending == waiting

    # One item ---------------------------------------------------------------------

    def item(self, item, relink=False, final=False):
        """Plans and writes one item; True when it must be read again."""
        post_type = item.post_type
        if item.comments and not relink:
            self.report.skipped[_("コメント")] += item.comments
        if post_type == "attachment":
            if item.post_id in self.media.attachments:
                self.media.get(item.post_id)
            return False
        if post_type not in ("post", "page"):
            label = _("メニュー項目（nav_menu_item）") if post_type == "nav_menu_item" else None
            self.report.skip(label or _("対応していない投稿タイプ（%(type)s）") % {"type": post_type or "?"})
            return False
        if item.status in SKIPPED_STATUSES:
            self.report.skip(_("ゴミ箱・自動下書き（%(status)s）") % {"status": item.status})
            return False
        bulk = self._bulkable(item, relink)
        if not bulk or self.bulk.full():
            # Wagtail's own pipeline reads the tree and the records: the
            # batch is written first (outside this item's savepoint).
            self.bulk.flush()
        try:
            with transaction.atomic():
                return self.page(item, relink, final, bulk)
        except ValidationError as error:
            self._failed(item, "; ".join(error.messages))
        except (ValueError, TypeError, LookupError, RecursionError, DatabaseError) as error:
            # One odd post must not stop the import of the others; its
            # savepoint is rolled back and the report names it.
            logger.exception("WordPress item %s could not be imported", item.post_id)
            self._failed(item, type(error).__name__)
        return False

    def _bulkable(self, item, relink):
        """A new post that goes live now is written in a batch (bulk.py)."""
        return (
            not relink
            and item.post_type == "post"
            and item.status == "publish"
            and not item.password
            and self.records.row("post", item.post_id) is None
        )

    def page(self, item, relink, final, bulk):
        kind = item.post_type
        row = self.records.row(kind, item.post_id)
        page = self.records.get(kind, item.post_id)
        if page is not None and not relink:
            edited = page.latest_revision_id != row.revision_id
            if edited and not self.overwrite:
                self.report.edited.append(title_of(item))
                self.report.count(kind, "skipped")
                return False
            if not edited and row.source_hash == source_hash(item):
                self.report.count(kind, "unchanged")
                return False
        parent = self._parent(item, final)
        if parent is None:
            return True
        # A second reading has already been counted in the report.
        draft = self.planner.plan(item, count_unknown=not relink)
        created = page is None
        if bulk:
            page = self.bulk.write(draft)
        else:
            page = self.publisher.write(draft, page, parent)
            if created and parent.pk == self.blog.pk:
                self.bulk.child_added(page)
        self.written.add(page.pk)
        if created or not relink:
            self.report.count(kind, "created" if created else "updated")
        self._redirect(page, draft)
        return bool(draft.unresolved) and not relink

    def _parent(self, item, final):
        if item.post_type == "post":
            return self.blog
        entry = self.scan.entries.get(item.parent)
        if not item.parent or item.parent == "0" or entry is None or entry.post_type != "page":
            return self.home
        parent = self.records.get("page", item.parent)
        if parent is None and final:
            return self.home
        return parent

    def _failed(self, item, reason):
        self.report.skip(
            _("保存できなかった%(kind)s: %(title)s（%(error)s）")
            % {
                "kind": _("固定ページ") if item.post_type == "page" else _("投稿"),
                "title": title_of(item),
                "error": reason[:200],
            }
        )

    # Old URLs ------------------------------------------------------------------------

    def _redirect(self, page, draft):
        if draft.status not in LIVE_STATUSES or draft.status == "private":
            return
        for url in draft.urls:
            if host(urlsplit(url).netloc) in self.scan.hosts | {""}:
                self.redirects.add(url, page=page)
        key = "p" if draft.kind == "post" else "page_id"
        self.redirects.add(f"{self.scan.prefix}/?{key}={draft.wp_id}", page=page)

    def _term(self, term):
        if term.taxonomy == "category":
            category = self.terms.category(term)
            target = self.blog.url + self.blog.reverse_subpage("category", args=[category.slug])
            self.redirects.add(f"{self.scan.prefix}/category/{term.slug}/", link=target)
        else:
            tag = self.terms.tag(term)
            if tag is not None:
                target = self.blog.url + self.blog.reverse_subpage("tag", args=[tag.slug])
                self.redirects.add(f"{self.scan.prefix}/tag/{term.slug}/", link=target)
