"""Hostile or broken exports are refused with a clear message and a
non-zero exit status, and nothing at all is written."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page

from blog.snippets import Author, Category
from wordpress.media import safe_join

from .conftest import FIXTURES, UPLOADS

HOSTILE = {
    "billion_laughs.xml": "DOCTYPE",
    "xxe.xml": "DOCTYPE",
    "malformed.xml": "XMLとして読み込めません",
    "truncated.xml": "途中で切れています",
    "empty.xml": "ファイルが空です",
    "not_wxr.xml": "WXR",
}


def refused(*args):
    """The command's error; manage.py exits with its returncode (1)."""
    with pytest.raises(CommandError) as error:
        call_command("import_wordpress", *args)
    assert error.value.returncode == 1
    return str(error.value)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_exits_non_zero_with_a_message_and_writes_nothing(site_tree, name):
    pages = Page.objects.count()
    error = refused(str(FIXTURES / name), "--media", str(UPLOADS))
    assert "取り込みを中止しました。何も保存していません" in error and HOSTILE[name] in error
    assert Page.objects.count() == pages
    assert not Author.objects.exists() and not Category.objects.exists()


def test_missing_export_or_media_folder_is_a_clear_error(site_tree, tmp_path):
    assert "見つかりません" in refused("nothing.xml")
    assert "見つかりません" in refused(str(FIXTURES / "clinic.xml"), "--media", str(tmp_path / "nowhere"))


def test_manage_py_exits_with_status_1_on_a_refused_file():
    result = subprocess.run(
        [sys.executable, "manage.py", "import_wordpress", str(FIXTURES / "empty.xml")],
        capture_output=True, text=True, cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": "sqlite:///:memory:", "DJANGO_SETTINGS_MODULE": "site_project.settings.test"},
    )
    assert result.returncode == 1
    assert "ファイルが空です" in result.stderr


@pytest.mark.parametrize(
    "relative", ["../secret.jpg", "2024/../../secret.jpg", "/etc/passwd", "", "a\0b.jpg", "..\\..\\secret.jpg"]
)
def test_media_paths_never_leave_the_uploads_folder(tmp_path, relative):
    (tmp_path / "uploads").mkdir()
    (tmp_path / "secret.jpg").write_bytes(b"x")
    assert safe_join(tmp_path / "uploads", relative) is None


def test_a_symlink_out_of_the_uploads_folder_is_not_followed(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (tmp_path / "secret.jpg").write_bytes(b"x")
    (uploads / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    assert safe_join(uploads, "link.jpg") is None
    assert safe_join(uploads, "2024/05/knee.jpg") == (uploads / "2024/05/knee.jpg").resolve()


def test_odd_posts_are_kept_or_reported_and_never_stop_the_others(site_tree, tmp_path):
    from blog.models import ArticlePage

    from .conftest import run_import

    source = (FIXTURES / "wxr_1_1_http.xml").read_text()
    item = source.split("<item>")[1].split("</item>")[0]
    odd = item.replace("<wp:post_id>7<", "<wp:post_id>8<").replace("%e8%85%b0%e7%97%9b</wp:post_name>", "odd</wp:post_name>")
    odd = odd.replace("腰が痛いときは", "<div>" * 5000 + "深すぎる" + "</div>" * 5000)
    empty = item.replace("<wp:post_id>7<", "<wp:post_id>9<").replace("%e8%85%b0%e7%97%9b</wp:post_name>", "</wp:post_name>")
    empty = empty.split("<title>")[0] + "<title></title>" + empty.split("</title>")[1]
    empty = empty.split("<content:encoded>")[0] + "<content:encoded></content:encoded>" + empty.split("</content:encoded>")[1]
    path = tmp_path / "odd.xml"
    path.write_text(source.replace("</item>", "</item><item>" + odd + "</item><item>" + empty + "</item>", 1))
    output = run_import(str(path), media=None)
    assert "投稿: 新規 2" in output and "保存できなかった投稿" in output
    assert ArticlePage.objects.get(slug="腰痛").live
    untitled = ArticlePage.objects.get(title="（無題）")  # no title, no slug, no content: still kept
    assert untitled.live and untitled.body[0].value.source == "<p>（無題）</p>"


def test_without_a_blog_the_import_is_refused(db):
    assert "ブログのページがありません" in refused(str(FIXTURES / "wxr_1_1_http.xml"))
