"""manage.py backup and restore (backups/): a backup restored into an empty
database and media gives the same pages, images and search results, on
SQLite and PostgreSQL; bad input stops with a clear error and changes nothing."""

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.images import get_image_model

from tests.factories import ImageFactory, make_article, sample_body

ROOT = Path(__file__).resolve().parents[2]
PAGES_OF = """
import json
from django.test import Client
client = Client()
print(json.dumps({{url: [r.status_code, r.content.decode()] for url in {urls!r} for r in [client.get(url)]}}))
"""


@pytest.fixture
def site_with_an_image(blog, tmp_path):
    image = ImageFactory(title="膝の図")
    article = make_article(blog, title="膝の内側の痛みとストレッチ", body=sample_body(image=image))
    return article, image


@pytest.fixture
def empty_database(tmp_path):
    """DATABASE_URL of an empty database of the engine the tests run on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"teate_resil_restore_{uuid.uuid4().hex[:8]}"
    server = dict(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"] or None)
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    yield f"postgres://{db['USER']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def other_site(tmp_path, database_url):
    """The environment of another Teate on this machine: its own database and media."""
    media = tmp_path / "restored-media"
    (tmp_path / "restored_settings.py").write_text(
        f"from site_project.settings.test import *  # noqa: F403\nMEDIA_ROOT = Path({str(media)!r})  # noqa: F405\n"
    )
    return media, {
        **os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "restored_settings",
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
    }


def manage(env, *args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_into_an_empty_database_gives_the_same_pages_images_and_search_results(
    site_with_an_image, client, settings, tmp_path, empty_database
):
    article, _ = site_with_an_image
    urls = ["/", "/blog/", article.url, "/search/?q=%E8%86%9D", "/sitemap-articles.xml"]
    before = {url: [response.status_code, response.content.decode()] for url in urls for response in [client.get(url)]}
    files = {path.relative_to(settings.MEDIA_ROOT): path.read_bytes() for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}
    assert any("images/" in str(path) for path in files)  # the article's rendition

    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))
    media, env = other_site(tmp_path, empty_database)
    restored = manage(env, "restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    rendered = manage(env, "shell", "-c", PAGES_OF.format(urls=urls))
    assert rendered.returncode == 0, rendered.stderr
    after = json.loads(rendered.stdout.strip().splitlines()[-1])

    assert after == before
    assert {path.relative_to(media): path.read_bytes() for path in media.rglob("*") if path.is_file()} == files
    assert f'href="{article.url}"' in after["/search/?q=%E8%86%9D"][1]  # found by search
    shown = re.findall(r"/media/(images/[^\"\s,]+)", after[article.url][1])  # the figure's renditions
    assert shown and all((media / path).read_bytes() == files[Path(path)] for path in shown)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_refuses_a_directory_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("x")

    with pytest.raises(CommandError, match="空ではありません"):
        call_command("backup", str(tmp_path))


def test_restore_of_a_missing_directory_exits_non_zero_with_a_clear_error(tmp_path):
    result = manage(os.environ, "restore", str(tmp_path / "nowhere"))

    assert result.returncode != 0
    assert "バックアップ" in result.stderr and "がありません" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_that_is_not_empty_unless_forced(site_with_an_image, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(tmp_path / "backup"))
    assert get_image_model().objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_backup_of_another_database_engine_or_a_damaged_one(site_with_an_image, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=open(os.devnull, "w"))
    manifest_path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest_path.write_text(json.dumps({**manifest, "engine": "postgresql" if connection.vendor == "sqlite" else "sqlite"}))
    with pytest.raises(CommandError, match="のデータベースのものです"):
        call_command("restore", str(tmp_path / "backup"), force=True)

    manifest_path.write_text(json.dumps(manifest))
    next((tmp_path / "backup" / "media").rglob("*.png")).write_bytes(b"not the picture")
    with pytest.raises(CommandError, match="壊れているか"):
        call_command("restore", str(tmp_path / "backup"), force=True)
