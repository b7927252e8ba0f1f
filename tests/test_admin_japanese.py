"""The Wagtail admin speaks Japanese where Wagtail 8's own ja catalogs stop.

Wagtail ships these strings untranslated; Teate supplies them in
locale/ja/LC_MESSAGES/ (django.po for templates and Python, djangojs.po for
the admin's JavaScript). These tests fail if that catalog stops loading.
"""

import ast
from html import unescape
import json
import re
import struct
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import article_form_data
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def add_article_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


def test_add_article_page_shows_japanese_autosave_and_promote_labels(admin_client, blog):
    response = admin_client.get(add_article_url(blog))

    html = reader_html(response)
    assert response.status_code == 200
    assert "自動保存は<span>一時停止中</span>です" in html
    assert "タイトルタグ" in html
    assert "Autosave is" not in html
    assert "Title tag" not in html


def test_saving_an_empty_article_explains_the_errors_in_japanese(admin_client, blog):
    response = admin_client.post(add_article_url(blog), article_form_data(title="", slug="", lead="", body=[]))

    html = reader_html(response)
    assert response.status_code == 200
    assert "入力内容にエラーがあるため、ページを作成できませんでした。" in html
    assert "最初のエラーへ移動" in html
    assert "The page could not be created due to validation errors." not in html


def test_autosave_of_an_invalid_article_answers_in_japanese(admin_client, blog):
    # The autosave script posts the form asking for JSON; its message is shown
    # beside the save button.
    response = admin_client.post(add_article_url(blog), article_form_data(title="", slug="", lead="", body=[]), headers={"Accept": "application/json"})

    assert response.status_code == 400
    assert response.json()["error_message"] == "入力エラーがあります。保存するとエラー箇所が強調表示されます。"


def test_admin_javascript_catalog_carries_the_project_translations(admin_client):
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))

    js = reader_html(response)
    assert response.status_code == 200
    # The catalog is JSON inside JavaScript, so non-ASCII arrives \u-escaped.
    assert json.dumps("Collapse all") + ": " + json.dumps("すべて折りたたむ") in js
    assert json.dumps("ブロックを挿入") in js


LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale" / "ja" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|<[^>]+>")


def compiled_entries(mo_path):
    """(msgid, msgid_plural or None, msgstr) for each entry of a .mo file, read
    raw because gettext's own reader forgets the plural msgid."""
    data = mo_path.read_bytes()
    count, originals, translations = struct.unpack("<3I", data[8:20])
    for i in range(count):
        o_len, o_off = struct.unpack("<2I", data[originals + 8 * i : originals + 8 * i + 8])
        t_len, t_off = struct.unpack("<2I", data[translations + 8 * i : translations + 8 * i + 8])
        original = data[o_off : o_off + o_len].decode().split("\x04")[-1]  # drop msgctxt
        if not original:
            continue  # the header
        singular, _, plural = original.partition("\x00")
        yield singular, plural or None, data[t_off : t_off + t_len].decode()


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_translations_keep_every_placeholder_and_tag(domain):
    # A lost %(name)s would make the admin crash on that message; a lost tag
    # would break its markup. Japanese has one plural form, so a plural entry
    # follows its plural msgid.
    mo_path = LOCALE_DIR / f"{domain}.mo"
    mismatched = [
        (singular, translated)
        for singular, plural, translated in compiled_entries(mo_path)
        if sorted(set(PLACEHOLDER.findall(translated))) != sorted(set(PLACEHOLDER.findall(plural or singular)))
    ]
    assert mismatched == []


def source_entries(po_path):
    """{msgid: msgstr} of a .po file (enough of the format for our own catalogs)."""
    entries, field, current = {}, None, {}
    for line in po_path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith(("msgctxt", "msgid ", "msgid_plural", "msgstr")):
            field, _, quoted = line.partition(" ")
            current[field] = ast.literal_eval(quoted)
        elif line.startswith('"'):
            current[field] += ast.literal_eval(line)
        elif not line.strip() and current:
            if current["msgid"]:
                entries[current["msgid"]] = current.get("msgstr", current.get("msgstr[0]"))
            current = {}
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalog_matches_its_po_file(domain):
    compiled = {singular: translated for singular, _, translated in compiled_entries(LOCALE_DIR / f"{domain}.mo")}

    assert compiled == source_entries(LOCALE_DIR / f"{domain}.po"), (
        f"recompile: msgfmt -o locale/ja/LC_MESSAGES/{domain}.mo locale/ja/LC_MESSAGES/{domain}.po"
    )


# --- Strings Wagtail leaves in English where gettext cannot reach (issue 12) ----------------


def test_page_explorer_names_the_root_in_japanese(admin_client, blog):
    from wagtail.models import Collection, Page

    html = admin_client.get(reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])).content.decode()

    assert "ルート" in html and "Root" not in html
    assert Collection.get_first_root_node().name == "ルート"


def test_admin_titles_end_with_the_site_s_japanese_name_not_wagtail(admin_client, blog):
    html = reader_html(admin_client.get(reverse("wagtailadmin_home")))

    assert re.search(r"<title>[^<]*- 手当て 管理画面</title>", html)
    assert "- Wagtail</title>" not in html


def test_article_editor_labels_the_image_chooser_and_tabs_in_japanese(admin_client, blog):
    html = reader_html(admin_client.get(add_article_url(blog)))

    # The StreamField's block definitions arrive as JSON inside an attribute.
    definitions = unescape(html).encode("ascii", "backslashreplace").decode("unicode_escape")
    assert '"label": "画像ファイル"' in definitions and '"label": "Image"' not in definitions
    assert "URLと検索結果" in html and "プロモート" not in html
    assert "読者に表示するタイトルです。" in html and "一般公開のもとで表示したいページタイトル" not in html


def test_listing_has_no_english_aria_label_or_hidden_none(admin_client, blog):
    html = reader_html(admin_client.get(reverse("wagtailadmin_explore", args=[blog.pk])))

    assert 'aria-label="操作"' in html and 'aria-label="Actions"' not in html
    assert not re.search(r">\s*None\s*<", html)


def test_scheduled_article_is_badged_as_scheduled_for_publication(admin_client, blog):
    from django.utils import timezone

    from tests.factories import make_article

    article = make_article(blog, title="来週の記事", publish=False)
    article.go_live_at = timezone.now() + timezone.timedelta(days=7)
    article.save_revision().publish()

    html = reader_html(admin_client.get(reverse("wagtailadmin_explore", args=[blog.pk])))

    assert "公開予定" in html and "予定日" not in html


def test_date_picker_s_hidden_button_gets_a_japanese_label(admin_client, blog):
    html = reader_html(admin_client.get(add_article_url(blog)))

    assert 'data-save-selected-label="選択した日時を保存"' in html
    assert "editing/admin.js" in html
