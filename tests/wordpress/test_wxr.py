"""Reading export files: every WXR version and namespace form, and every
hostile or broken file refused with a message, before anything is written."""

import tracemalloc

import pytest

from wordpress import wxr

from .conftest import FIXTURES


def items(name):
    return [obj for kind, obj in wxr.read(FIXTURES / name) if kind == "item"]


@pytest.mark.parametrize("name", ["wxr_1_0_https.xml", "wxr_1_1_http.xml", "clinic.xml"])
def test_every_wxr_version_and_namespace_scheme_is_read(name):
    posts = [item for item in items(name) if item.post_type == "post"]
    assert posts
    first = posts[0]
    assert first.post_id and first.status and first.content
    assert first.post_date_gmt


def test_wxr_1_0_tags_are_read_as_tags():
    (post,) = items("wxr_1_0_https.xml")
    assert [(t.taxonomy, t.name) for t in post.terms] == [("category", "腰痛"), ("post_tag", "古い形式のタグ")]


def test_channel_terms_authors_and_postmeta_are_read():
    channel = wxr.Channel()
    read = list(wxr.read(FIXTURES / "clinic.xml", channel))
    authors = [obj.display_name for kind, obj in read if kind == "author"]
    terms = [(obj.taxonomy, obj.name) for kind, obj in read if kind == "term"]
    assert authors == ["山田 太郎", "鈴木 花子"]
    assert ("category", "膝の痛み") in terms and ("post_tag", "ストレッチ") in terms
    assert channel.wxr_version == "1.2" and channel.link == "https://teate-seitai.example"
    post = next(obj for kind, obj in read if kind == "item" and obj.post_id == "10")
    assert post.meta["_thumbnail_id"] == "101"
    assert post.comments == 2


@pytest.mark.parametrize(
    "name, message",
    [
        ("billion_laughs.xml", "DOCTYPE"),
        ("xxe.xml", "DOCTYPE"),
        ("malformed.xml", "XMLとして読み込めません"),
        ("truncated.xml", "途中で切れています"),
        ("empty.xml", "ファイルが空です"),
        ("not_wxr.xml", "WordPressのエクスポートファイル（WXR）ではありません"),
    ],
)
def test_hostile_and_broken_files_are_refused_with_a_japanese_message(name, message):
    with pytest.raises(wxr.WXRError, match=message):
        list(wxr.read(FIXTURES / name))


def test_xml_invalid_control_characters_from_real_exports_are_dropped(tmp_path):
    text = (FIXTURES / "wxr_1_1_http.xml").read_text().replace("無理をしない", "無理を\x0bしない\x1f")
    path = tmp_path / "control.xml"
    path.write_text(text)
    (post,) = items(path)
    assert "無理をしない" in post.content


def export_of(count, path):
    item = (FIXTURES / "wxr_1_1_http.xml").read_text().split("<item>")[1].split("</item>")[0]
    head, tail = (FIXTURES / "wxr_1_1_http.xml").read_text().split("<item>")[0], "</channel></rss>"
    with open(path, "w") as out:
        out.write(head)
        for n in range(count):
            out.write("<item>" + item.replace("<wp:post_id>7<", f"<wp:post_id>{n}<") + "</item>")
        out.write(tail)
    return path


def peak_while_reading(path):
    tracemalloc.start()
    for _ in wxr.read(path):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_reading_streams_so_memory_does_not_grow_with_the_file(tmp_path):
    small = peak_while_reading(export_of(200, tmp_path / "small.xml"))
    large = peak_while_reading(export_of(4000, tmp_path / "large.xml"))
    assert large < small * 2
