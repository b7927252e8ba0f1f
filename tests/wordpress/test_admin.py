"""The import from the Wagtail admin: permission, upload limits, the
background task (immediate in tests), progress and the Japanese report."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from blog.models import ArticlePage
from wordpress.models import ImportRun
from wordpress.tasks import progress_key

from .conftest import FIXTURES, UPLOADS

from tests.html import reader_html

URL = "/admin/wordpress-import/"


def xml(name="clinic.xml"):
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes(), content_type="text/xml")


def zipped(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("uploads.zip", buffer.getvalue(), content_type="application/zip")


def uploads_zip():
    return zipped({f"uploads/{p.relative_to(UPLOADS)}": p.read_bytes() for p in UPLOADS.rglob("*") if p.is_file()})


@pytest.fixture
def staff(client, django_user_model, site_tree):
    """An editor who may use the admin but was not given the import."""
    user = django_user_model.objects.create_user("staff", "staff@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def menu(client):
    """The sidebar's menu, as the admin's JavaScript receives it."""
    return json.loads(reader_html(client.get("/admin/")).split('id="wagtail-sidebar-props"')[1].split(">", 1)[1].split("</script>")[0])


def menu_labels(client):
    return json.dumps(menu(client), ensure_ascii=False)


def test_menu_item_and_page_are_only_for_users_with_the_permission(client, staff):
    assert "WordPressから移行" not in menu_labels(client)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    group = Group.objects.create(name="移行担当")
    group.permissions.add(Permission.objects.get(codename="add_importrun"))
    staff.groups.add(group)
    assert "WordPressから移行" in menu_labels(client)
    page = client.get(URL)
    assert page.status_code == 200 and "エクスポート" in reader_html(page)


def test_a_user_without_the_permission_cannot_start_an_import(client, staff):
    client.post(URL, {"export_file": xml()})
    assert not ImportRun.objects.exists() and not ArticlePage.objects.exists()


def test_upload_runs_the_import_and_shows_the_report_in_japanese(admin_client, site_tree):
    response = admin_client.post(URL, {"export_file": xml(), "uploads_zip": uploads_zip()}, follow=True)
    html = reader_html(response)
    assert response.status_code == 200
    assert "取り込みが終わりました。" in html and "投稿: 新規 10" in html and "メディア: 新規 3" in html
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.DONE and run.report["counts"]
    assert ArticlePage.objects.get(slug="膝の痛み").hero_image.title == "膝のイラスト"
    # The export (drafts, private posts) is not kept once the import has run.
    assert not run.export_file and not run.uploads_zip


def test_dry_run_from_the_admin_saves_nothing(admin_client, site_tree):
    export = xml()
    export.name = "teateseitai.WordPress.2026-11-25" + "とても長いファイル名" * 20 + ".xml"
    response = admin_client.post(URL, {"export_file": export, "dry_run": "on"}, follow=True)
    assert "試しに実行しました" in reader_html(response)
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml", "truncated.xml", "malformed.xml"])
def test_hostile_upload_fails_with_a_message_and_writes_nothing(admin_client, site_tree, name):
    response = admin_client.post(URL, {"export_file": xml(name)}, follow=True)
    html = reader_html(response)
    assert "取り込みを中止しました。何も保存していません。" in html
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED
    assert not ArticlePage.objects.exists()


def test_empty_upload_is_a_form_error(admin_client, site_tree):
    response = admin_client.post(URL, {"export_file": SimpleUploadedFile("empty.xml", b"")})
    assert response.status_code == 200 and not ImportRun.objects.exists()


def test_upload_over_the_size_limit_is_refused(admin_client, site_tree, settings):
    settings.WORDPRESS_IMPORT_MAX_XML_BYTES = 1000
    response = admin_client.post(URL, {"export_file": xml()})
    assert "ファイルが大きすぎます" in reader_html(response)
    assert not ImportRun.objects.exists()


def test_zip_with_a_path_outside_the_folder_is_refused(admin_client, site_tree):
    bad = zipped({"uploads/2024/05/ok.jpg": b"x", "../../evil.py": b"print('x')"})
    response = admin_client.post(URL, {"export_file": xml(), "uploads_zip": bad})
    assert "フォルダの外を指す名前" in reader_html(response)
    assert not ImportRun.objects.exists()


def test_zip_bomb_is_refused_before_it_is_unpacked(admin_client, site_tree, settings):
    settings.WORDPRESS_IMPORT_MAX_UNZIPPED_BYTES = 1024 * 1024
    bomb = zipped({"uploads/zeros.jpg": b"\0" * (4 * 1024 * 1024)})
    assert bomb.size < 100_000
    response = admin_client.post(URL, {"export_file": xml(), "uploads_zip": bomb})
    assert "大きすぎます" in reader_html(response)
    assert not ImportRun.objects.exists()


def test_running_import_shows_its_progress_and_refreshes(admin_client, django_user_model):
    run = ImportRun.objects.create(export_file="x/export.xml", status=ImportRun.Status.RUNNING, total=40)
    cache.set(progress_key(run.pk), (10, 40))
    html = reader_html(admin_client.get(f"{URL}{run.pk}/"))
    assert "取り込み中です… 10 / 40 件" in html
    assert '<progress max="100" value="25">' in html
    assert 'http-equiv="refresh"' in html


def test_unknown_run_is_a_404(admin_client):
    assert admin_client.get(f"{URL}999/").status_code == 404
