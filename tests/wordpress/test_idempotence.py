"""Running an import again: nothing duplicated, changed posts updated, and an
editor's own changes kept unless --overwrite is given."""

import pytest
from django.conf import settings
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.models import ArticlePage
from blog.snippets import Author, Category
from wordpress.models import ImportedObject

from .conftest import FIXTURES, run_import


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "authors": Author.objects.count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        "redirects": Redirect.objects.count(),
        "records": ImportedObject.objects.count(),
        "files": sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()),
    }


def edited_export(tmp_path, old, new):
    path = tmp_path / "clinic.xml"
    path.write_text((FIXTURES / "clinic.xml").read_text().replace(old, new))
    return str(path)


def test_running_the_same_export_again_changes_nothing(site_tree):
    run_import()
    before = snapshot()
    output = run_import()
    assert snapshot() == before
    assert "投稿: 変更なし 10" in output and "固定ページ: 変更なし 3" in output
    assert "新規" not in output


def test_running_an_export_of_theme_blocks_again_changes_nothing(site_tree):
    # Balloons with their icons, cards relinked to later posts, tables…
    run_import("themes.xml")
    before = snapshot()
    bodies = {page.pk: list(page.body.raw_data) for page in ArticlePage.objects.all()}
    output = run_import("themes.xml")
    assert snapshot() == before
    assert {page.pk: list(page.body.raw_data) for page in ArticlePage.objects.all()} == bodies
    assert "投稿: 変更なし 6" in output and "新規" not in output


def test_a_changed_post_in_a_later_export_is_updated(site_tree, tmp_path):
    run_import()
    page = ArticlePage.objects.get(slug="classic-post")
    output = run_import(edited_export(tmp_path, "昔ながらのエディタで書いた記事", "書き直した記事"))
    assert "投稿: 更新 1、変更なし 9" in output
    page.refresh_from_db()
    assert page.title == "書き直した記事" and page.live
    assert ArticlePage.objects.filter(slug__startswith="classic-post").count() == 2  # no duplicate


def test_a_page_an_editor_changed_is_reported_not_overwritten(site_tree, tmp_path):
    run_import()
    page = ArticlePage.objects.get(slug="classic-post")
    page.title = "院長が直したタイトル"
    page.save_revision().publish()
    export = edited_export(tmp_path, "昔ながらのエディタで書いた記事", "WordPress側で直したタイトル")

    output = run_import(export)
    page.refresh_from_db()
    assert page.title == "院長が直したタイトル"
    assert "Teateで編集されているため上書きしなかったページ" in output and "WordPress側で直したタイトル" in output

    run_import(export, "--overwrite")
    page.refresh_from_db()
    assert page.title == "WordPress側で直したタイトル"


def test_dry_run_writes_nothing_and_leaves_no_files(site_tree):
    before = snapshot()
    output = run_import("clinic.xml", "--dry-run")
    assert "何も保存していません" in output and "投稿: 新規 10" in output
    assert snapshot() == before


def test_a_failure_midway_rolls_everything_back(site_tree, monkeypatch):
    from wordpress import plan

    before = snapshot()
    original = plan.Planner.plan
    calls = []

    def fail_on_third(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("ディスクがいっぱいです")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(plan.Planner, "plan", fail_on_third)
    with pytest.raises(RuntimeError):
        run_import()
    assert snapshot() == before
