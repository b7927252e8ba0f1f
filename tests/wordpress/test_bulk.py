"""New published posts are written in batches (wordpress/bulk.py), skipping
Wagtail's per-post publish pipeline. What that pipeline would have left
behind must be there all the same: a valid tree, a live revision an editor
can open, the log entries, the reference index, the records that detect an
editor's later change, and a fresh page cache."""

from datetime import datetime, timedelta, timezone

import pytest
from django.core.management import call_command
from django.utils import timezone as dj_timezone
from django.utils.encoding import iri_to_uri
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage, BlogIndexPage
from search.models import SearchEntry
from tests.factories import AuthorFactory, CategoryFactory, sample_body
from tests.html import reader_html
from wordpress import bulk
from wordpress.models import ImportedObject

from .conftest import run_import

GUTENBERG = "膝の痛み&ストレッチ – 基本の3つ"
CLASSIC = "昔ながらのエディタで書いた記事"  # written in a batch, and only then


def assert_tree_is_valid():
    # treebeard's own check: bad paths, orphans, wrong depth or numchild.
    assert Page.find_problems() == ([], [], [], [], [])


def references(page):
    return set(
        ReferenceIndex.objects.filter(object_id=page.pk, base_content_type__model="page").values_list(
            "content_type_id", "to_content_type_id", "to_object_id", "model_path", "content_path", "content_path_hash"
        )
    )


def log_actions(page):
    return sorted(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))


def wagtail_published(blog):
    """An article published the ordinary way, to compare with."""
    page = ArticlePage(title="比較用の記事", slug="compare", lead="リード", body=sample_body())
    page.article_authors = [ArticleAuthor(author=AuthorFactory())]
    page.article_categories = [ArticleCategory(category=CategoryFactory())]
    blog.add_child(instance=page)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_the_tree_stays_valid_with_batches_and_wagtails_own_saves_interleaved(site_tree, monkeypatch):
    # Batches of two, between the draft, private, scheduled and password
    # posts that Wagtail's own pipeline still writes.
    monkeypatch.setattr(bulk, "BATCH_SIZE", 2)
    run_import()
    assert_tree_is_valid()
    blog = BlogIndexPage.objects.get()
    children = blog.get_children()
    assert blog.numchild == children.count() == 10
    paths = list(children.values_list("path", flat=True))
    assert len(set(paths)) == 10 and all(p.startswith(blog.path) and len(p) == len(blog.path) + 4 for p in paths)
    for page in ArticlePage.objects.all():
        assert page.url_path == f"{blog.url_path}{page.slug}/"
        assert page.url == iri_to_uri(f"/blog/{page.slug}/")


def test_a_batched_post_is_an_ordinary_published_wagtail_page(imported):
    page = ArticlePage.objects.get(title=CLASSIC)
    revision = page.latest_revision
    assert revision is not None and page.live_revision_id == revision.pk
    assert page.live and not page.has_unpublished_changes and not page.expired
    assert page.draft_title == page.title and page.latest_revision_created_at == revision.created_at
    assert list(page.revisions.values_list("pk", flat=True)) == [revision.pk]
    # The revision is the page: what the admin's editor opens.
    draft = revision.as_object()
    assert draft.title == page.title and draft.lead == page.lead
    assert [b.block_type for b in draft.body] == [b.block_type for b in page.body]
    assert [c.name for c in draft.categories] == [c.name for c in page.categories]
    assert sorted(t.name for t in draft.tags.all()) == sorted(t.name for t in page.tags.all())
    assert page.first_published_at == page.last_published_at == datetime(2023, 11, 23, 22, 15, tzinfo=timezone.utc)
    record = ImportedObject.objects.get(kind="post", object_id=page.pk)
    assert record.revision_id == revision.pk


def test_a_batched_post_leaves_what_wagtails_publish_leaves(imported):
    page = ArticlePage.objects.get(title=CLASSIC)
    compare = wagtail_published(BlogIndexPage.objects.get())
    assert log_actions(page) == log_actions(compare) == ["wagtail.create", "wagtail.publish"]
    publish = PageLogEntry.objects.get(page=page, action="wagtail.publish")
    assert publish.revision_id == page.live_revision_id and publish.label == page.title
    assert publish.content_type == compare.live_revision.content_type
    for field in ("content_type_id", "base_content_type_id"):
        assert getattr(page.live_revision, field) == getattr(compare.live_revision, field)
    assert page.live_revision.object_str == page.title
    assert (page.locale_id, page.depth, page.numchild) == (compare.locale_id, compare.depth, compare.numchild)
    assert_tree_is_valid()


@pytest.mark.parametrize("title", [CLASSIC, GUTENBERG])
def test_the_reference_index_holds_what_wagtail_would_write(imported, title):
    page = ArticlePage.objects.get(title=title)
    written = references(page)
    assert {row[3] for row in written} >= {"article_authors.item.author", "article_categories.item.category"}
    ReferenceIndex.create_or_update_for_object(page)
    assert references(page) == written
    # And the usage report of a category lists the article.
    category = page.categories[0]
    assert page.pk in [int(r.object_id) for r in ReferenceIndex.get_references_to(category)]


def test_every_imported_post_has_its_record_at_its_latest_revision(imported):
    for record in ImportedObject.objects.filter(kind="post"):
        page = Page.objects.get(pk=record.object_id)
        assert record.revision_id == page.latest_revision_id
    # A post that linked to one further down the file was written in a
    # batch, then read again and published by Wagtail with the link set.
    page = ArticlePage.objects.get(title=GUTENBERG)
    assert log_actions(page) == ["wagtail.create", "wagtail.publish", "wagtail.publish"]
    assert page.live_revision_id == page.latest_revision_id == page.revisions.order_by("pk").last().pk
    assert page.first_published_at == datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)
    assert page.last_published_at == datetime(2024, 5, 3, 1, 0, tzinfo=timezone.utc)


def test_the_admin_edits_and_shows_the_history_of_a_batched_post(admin_client, imported):
    page = ArticlePage.objects.get(title=CLASSIC)
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200 and CLASSIC in edit.content.decode()
    history = admin_client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200


def test_a_batched_post_is_searchable_in_the_sitemap_and_its_old_urls_redirect(client, imported):
    page = ArticlePage.objects.get(title=CLASSIC)
    assert SearchEntry.objects.filter(page=page).exists()
    assert page.pk in [p.pk for p in ArticlePage.objects.live().search("こわばる")]
    assert "/blog/classic-post/" in client.get("/sitemap-articles.xml").content.decode()
    for old in ("/classic-post/", "/?p=11"):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"].endswith("/blog/classic-post/"), old


def test_a_scheduled_post_among_batched_ones_goes_live_through_publish_scheduled(client, imported):
    page = ArticlePage.objects.get(title="来年公開の記事")
    assert not page.live and page.latest_revision.approved_go_live_at == page.go_live_at
    # Its date comes: as if it were tomorrow's post, a minute ago.
    due = dj_timezone.now() - timedelta(minutes=1)
    revision = page.latest_revision
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save()
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=due)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk
    assert "来年公開の記事" in reader_html(client.get("/blog/"))
    assert_tree_is_valid()
