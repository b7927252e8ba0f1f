"""The WordPress import, in three streamed passes over the export file.

1. scan: read the whole file once, writing nothing. A hostile or broken file
   is refused here. What later passes need is kept small: where each
   attachment's file is, which old URL is which post.
2. write: in one transaction, authors and terms, then every item in order;
   new posts that go live now in batches (bulk.py), the rest through
   Wagtail's own add_child, save_revision and publish.
3. relink: posts that linked to a post further down the file, and pages
   whose parent page came later, are read again now that every target exists.

The command line and the admin's background task both call `Importer.run`.
"""

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage, BlogIndexPage
from pages.models import ContentPage

from . import posts, wxr
from .bulk import BulkPosts
from .indexing import deferred_indexing
from .media import MediaLibrary
from .records import Records
from .redirects import Redirects, old_path
from .report import Report
from .terms import Terms

logger = logging.getLogger(__name__)

SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
LIVE_STATUSES = {"publish", "future", "private"}


class ImportRefused(Exception):
    """The import cannot start; the message says why, in Japanese."""


class _DryRun(Exception):
    pass


@dataclass
class Entry:
    post_type: str
    parent: str


def _host(netloc):
    host = netloc.lower().rsplit("@", 1)[-1].split(":", 1)[0]
    return host.removeprefix("www.")


class Importer:
    def __init__(self, path, media_dir=None, *, dry_run=False, overwrite=False, progress=None):
        self.path = Path(path)
        self.media_dir = Path(media_dir) if media_dir else None
        self.dry_run = dry_run
        self.overwrite = overwrite
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.report.dry_run = dry_run
        self.channel = wxr.Channel()
        self.media = MediaLibrary(None, self.media_dir, self.report)
        self.terms = Terms(None, self.report)
        self.channel_terms = []
        self.entries = {}  # WordPress ID → Entry, for posts and pages to import
        self.paths = {}  # old path (decoded) → WordPress ID
        self.total = 0
        self.done = 0
        self.pending = set()  # IDs to read again in pass 3
        self._needs_relink = False

    # Passes ----------------------------------------------------------------

    def run(self):
        if not self.path.is_file():
            raise ImportRefused(_("ファイルが見つかりません: %(path)s") % {"path": self.path})
        if self.media_dir is not None and not self.media_dir.is_dir():
            raise ImportRefused(_("メディアのフォルダが見つかりません: %(path)s") % {"path": self.media_dir})
        # The file is checked before the database is even looked at.
        self.scan()
        self.blog = BlogIndexPage.objects.order_by("path").first()
        if self.blog is None:
            raise ImportRefused(_("ブログのページがありません。先にブログ（BlogIndexPage）を作ってください。"))
        self.home = self.blog.get_parent().specific
        self.site = self.blog.get_site() or Site.objects.filter(is_default_site=True).first()
        records = Records(self.source)
        self.media.records = self.terms.records = self.records = records
        self.redirects = Redirects(self.site, self.report)
        self.bulk = BulkPosts(self.blog, records, self.redirects)
        try:
            # Wagtail re-indexes references and search on every save (a page
            # is saved several times on its way to published); do it once per
            # page, and search in batches at the end.
            with transaction.atomic(), disable_reference_index_auto_update(), deferred_indexing() as self.written:
                self.write()
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            self.media.discard_written()
        except BaseException:
            self.media.discard_written()
            raise
        return self.report

    def scan(self):
        for kind, obj in wxr.read(self.path, self.channel):
            if kind == "author":
                self.terms.authors[obj.login] = obj
            elif kind == "term":
                self.channel_terms.append(obj)
            else:
                self.total += 1
                self._index(obj)
        self.source = self._source()
        self.hosts = {
            _host(urlsplit(url).netloc)
            for url in (self.channel.link, self.channel.base_site_url, self.channel.base_blog_url)
            if url
        }
        self.prefix = urlsplit(self.channel.link or self.channel.base_blog_url).path.rstrip("/")

    def _index(self, item):
        if item.post_type == "attachment":
            self.media.add(item)
        elif item.post_type in ("post", "page") and item.status not in SKIPPED_STATUSES and item.post_id:
            self.entries[item.post_id] = Entry(item.post_type, item.parent)
            for url in (item.link, item.guid):
                path = old_path(unquote(urlsplit(url).path)) if url else None
                if path and path != "/":
                    self.paths.setdefault(path, item.post_id)
        known = {(t.taxonomy, t.slug) for t in self.channel_terms}
        self.channel_terms += [t for t in item.terms if (t.taxonomy, t.slug) not in known]

    def _source(self):
        url = self.channel.base_blog_url or self.channel.link or self.channel.base_site_url or self.path.name
        return url.split("://", 1)[-1].rstrip("/")[:255]

    def write(self):
        for login in self.terms.authors:
            self.terms.author(login)
        for term in self.channel_terms:
            self._term(term)
        for kind, item in wxr.read(self.path):
            if kind == "item":
                self.item(item)
                self.done += 1
                self.progress(self.done, self.total)
        self.bulk.flush()
        # Pass 3: a parent page may in turn have waited for its own parent.
        final = False
        while self.pending:
            waiting, self.pending = self.pending, set()
            for kind, item in wxr.read(self.path):
                if kind == "item" and item.post_id in waiting:
                    self.item(item, relink=True, final=final)
            final = self.pending == waiting
        feed = self.blog.url + self.blog.reverse_subpage("feed")
        self.redirects.add(f"{self.prefix}/feed/", link=feed)
        self.redirects.add(f"{self.prefix}/?feed=rss2", link=feed)
        self.bulk.finish()

    # Items ---------------------------------------------------------------------

    def item(self, item, relink=False, final=False):
        post_type = item.post_type
        if item.comments and not relink:
            self.report.skipped[_("コメント")] += item.comments
        if post_type == "attachment":
            if item.post_id in self.media.attachments:
                self.media.get(item.post_id)
        elif post_type in ("post", "page"):
            if item.status in SKIPPED_STATUSES:
                self.report.skip(_("ゴミ箱・自動下書き（%(status)s）") % {"status": item.status})
                return
            bulk = self._bulkable(item, relink)
            if not bulk or self.bulk.full():
                # Wagtail's own pipeline reads the tree and the records: the
                # batch is written first (outside this item's savepoint).
                self.bulk.flush()
            try:
                with transaction.atomic():
                    self.page(item, relink, final, bulk)
            except ValidationError as error:
                self._failed(item, "; ".join(error.messages))
            except (ValueError, TypeError, LookupError, RecursionError, DatabaseError) as error:
                # One odd post must not stop the import of the others; its
                # savepoint is rolled back and the report names it.
                logger.exception("WordPress item %s could not be imported", item.post_id)
                self._failed(item, type(error).__name__)
        elif post_type == "nav_menu_item":
            self.report.skip(_("メニュー項目（nav_menu_item）"))
        else:
            self.report.skip(_("対応していない投稿タイプ（%(type)s）") % {"type": post_type or "?"})

    def _bulkable(self, item, relink):
        """A new post that goes live now is written in a batch (bulk.py)."""
        return (
            not relink
            and item.post_type == "post"
            and item.status == "publish"
            and not item.password
            and self.records.row("post", item.post_id) is None
        )

    def _failed(self, item, reason):
        self.report.skip(
            _("保存できなかった%(kind)s: %(title)s（%(error)s）")
            % {
                "kind": _("固定ページ") if item.post_type == "page" else _("投稿"),
                "title": posts.title_of(item),
                "error": reason[:200],
            }
        )

    def page(self, item, relink, final, bulk=False):
        kind = item.post_type
        row = self.records.row(kind, item.post_id)
        page = self.records.get(kind, item.post_id)
        digest = posts.source_hash(item)
        title = posts.title_of(item)
        if page is not None and not relink:
            edited = page.latest_revision_id != row.revision_id
            if edited and not self.overwrite:
                self.report.edited.append(title)
                self.report.count(kind, "skipped")
                return
            if row.source_hash == digest and not edited:
                self.report.count(kind, "unchanged")
                return
        parent = self._parent(item, final)
        if parent is None:
            self.pending.add(item.post_id)
            return
        self._needs_relink = False
        # A second reading (pass 3) has already been counted in the report.
        unknown = self._unknown if not relink else (lambda name: None)
        body = posts.body_for(item, title, self.media, self._links, unknown, kind_needs_body=kind == "post")
        if self._needs_relink and not relink:
            self.pending.add(item.post_id)
        created = page is None
        if created:
            model = ArticlePage if kind == "post" else ContentPage
            page = model(title=title, live=False)
        page.title = title
        if created:
            taken = self.bulk.slug_taken if bulk else lambda s: parent.get_children().filter(slug=s).exists()
            page.slug = posts.slug_for(item, title, taken)
        page.body = body
        if kind == "post":
            self._article_fields(page, item, body)
        if bulk:
            self.bulk.add(page, item.post_id, digest, posts.published_at(item), posts.modified_at(item))
        else:
            if created:
                parent.add_child(instance=page)
                if parent.pk == self.blog.pk:
                    self.bulk.child_added(page)
            self._publish(page, item, created)
            self.records.set(kind, item.post_id, page, digest, page.latest_revision_id)
            # As saved: publishing saved the revision's copy of the page, so
            # this one's new authors, categories and tags have no IDs.
            ReferenceIndex.create_or_update_for_object(type(page).objects.get(pk=page.pk))
        self.written.add(page.pk)
        if created or not relink:
            self.report.count(kind, "created" if created else "updated")
        self._redirect(page, item)

    def _parent(self, item, final):
        if item.post_type == "post":
            return self.blog
        entry = self.entries.get(item.parent)
        if not item.parent or item.parent == "0" or entry is None or entry.post_type != "page":
            return self.home
        parent = self.records.get("page", item.parent)
        if parent is None and final:
            return self.home
        return parent

    def _article_fields(self, page, item, body):
        page.lead = posts.lead_for(item, body) or page.title
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        page.hero_image = self.media.find(thumbnail) if thumbnail else None
        page.article_authors = [ArticleAuthor(author=self.terms.author(item.creator))]
        categories = [self.terms.category(t) for t in item.terms if t.taxonomy == "category"]
        categories = list(dict.fromkeys(categories)) or [self.terms.uncategorized()]
        page.article_categories = [ArticleCategory(category=c) for c in categories]
        tags = [self.terms.tag(t) for t in item.terms if t.taxonomy == "post_tag"]
        page.tags.set([t for t in dict.fromkeys(tags) if t is not None])

    def _publish(self, page, item, created):
        status = item.status
        published = posts.published_at(item)
        if not created:
            PageViewRestriction.objects.filter(page=page).delete()
        if status == "private":
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        elif item.password:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=item.password[:255]
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
                    dates["last_published_at"] = max(published, posts.modified_at(item) or published)
                Page.objects.filter(pk=page.pk).update(**dates)
                page.first_published_at = published
        else:
            if page.live:
                page.unpublish()
            page.save_revision(clean=not created)

    def _redirect(self, page, item):
        if item.status not in LIVE_STATUSES or item.status == "private":
            return
        for url in {item.link, item.guid}:
            if url and _host(urlsplit(url).netloc) in self.hosts | {""}:
                self.redirects.add(url, page=page)
        key = "p" if item.post_type == "post" else "page_id"
        self.redirects.add(f"{self.prefix}/?{key}={item.post_id}", page=page)

    def _term(self, term):
        if term.taxonomy == "category":
            category = self.terms.category(term)
            target = self.blog.url + self.blog.reverse_subpage("category", args=[category.slug])
            self.redirects.add(f"{self.prefix}/category/{term.slug}/", link=target)
        else:
            tag = self.terms.tag(term)
            if tag is not None:
                target = self.blog.url + self.blog.reverse_subpage("tag", args=[tag.slug])
                self.redirects.add(f"{self.prefix}/tag/{term.slug}/", link=target)

    # Links in content --------------------------------------------------------------

    def _unknown(self, name):
        self.report.unknown[name] += 1

    def _links(self, soup):
        for anchor in soup.find_all("a", href=True):
            target = self._link_target(anchor["href"])
            if isinstance(target, int):
                anchor["data-linktype"] = "page"
                anchor["data-id"] = str(target)
            elif target:
                anchor["href"] = target

    def _link_target(self, href):
        """A page ID, a new URL, or None to leave the link as it is."""
        try:
            parts = urlsplit(href.strip())
        except ValueError:
            return None
        if parts.scheme not in ("", "http", "https") or not (parts.netloc or parts.path.startswith("/")):
            return None
        if parts.netloc and _host(parts.netloc) not in self.hosts:
            return None
        if "/wp-content/uploads/" in parts.path:
            return self.media.url_for(href)
        query = parse_qs(parts.query)
        wp_id = (query.get("p") or query.get("page_id") or [None])[0]
        if wp_id is None:
            wp_id = self.paths.get(old_path(unquote(parts.path)))
        entry = self.entries.get(wp_id)
        if entry is None:
            return None
        page_id = self.records.page_id(entry.post_type, wp_id)
        if page_id is None:
            self._needs_relink = True
        return page_id
