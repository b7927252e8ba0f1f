"""Content conversion on its own: wpautop, shortcodes and Gutenberg blocks
into Teate's body blocks (no database: images are looked up by a stub)."""

from collections import Counter
from types import SimpleNamespace

from wordpress.body import BodyBuilder
from wordpress.gutenberg import GutenbergReader, parse
from wordpress.html import HTMLWalker
from wordpress.shortcodes import autop, expand


class Images:
    """Attachment 5 exists; anything else is missing."""

    def find(self, wp_id=None, url=""):
        if wp_id == "5" or url.endswith("/photo-300x200.jpg"):
            return SimpleNamespace(pk=5, title="写真")
        return None


def convert(content, gutenberg=False):
    unknown = Counter()
    builder = BodyBuilder(lambda soup: None)
    walker = HTMLWalker(builder, Images(), lambda name: unknown.update([name]), video_title="記事の動画")
    GutenbergReader(walker).read(content) if gutenberg else walker.classic(content)
    return [(b["type"], b["value"]) for b in builder.finish()], unknown


def test_autop_blank_line_is_a_paragraph_single_newline_a_break():
    assert autop("一行目\n二行目\n\n次の段落") == "<p>一行目<br />\n二行目</p>\n<p>次の段落</p>"


def test_autop_leaves_block_html_and_pre_alone():
    html = autop("<h2>見出し</h2>\n本文\n<pre>a\n\nb</pre>")
    assert "<h2>見出し</h2>" in html and "<p>本文</p>" in html and "<pre>a\n\nb</pre>" in html


def test_escaped_shortcode_is_printed_and_unknown_ones_keep_their_text():
    seen = Counter()
    assert expand("[[gallery]]", seen.update) == "[gallery]"
    assert expand('[su_box title="注意"]水分をとる[/su_box] [button url="x"]', lambda n: seen.update([n])) == "水分をとる "
    assert seen == Counter({"[su_box]": 1, "[button]": 1})


def test_square_brackets_in_japanese_text_are_not_shortcodes():
    assert expand("【PR】[注1] 効果には個人差があります", lambda n: None) == "【PR】[注1] 効果には個人差があります"


def test_gallery_shortcode_becomes_figures_for_its_attachments():
    blocks, _ = convert('[gallery ids="5,99"]')
    assert [kind for kind, _ in blocks] == ["figure"]


def test_headings_fold_to_h3_and_get_unique_anchors():
    blocks, _ = convert("<h1>A</h1><h5>詳しく</h5><h3>詳しく</h3>")
    values = [value for kind, value in blocks]
    assert [(v["level"], v["anchor"]) for v in values] == [("h2", ""), ("h3", ""), ("h3", "詳しく-2")]


def test_an_h3_before_any_h2_is_an_h2_so_the_outline_skips_no_level():
    blocks, _ = convert("<h3>最初</h3><h4>その中</h4><h2>次</h2><h3>その中2</h3>")
    assert [(value["level"], value["text"]) for _, value in blocks] == [
        ("h2", "最初"), ("h3", "その中"), ("h2", "次"), ("h3", "その中2"),
    ]


def test_tabs_are_h3s_under_an_h2_and_h2s_without_one_every_tab_alike():
    tabs = (
        '<!-- wp:cocoon-blocks/tab {"tabLabelsArray":["平日","土日"]} --><div>'
        "<!-- wp:cocoon-blocks/tab-item --><div><p>a</p></div><!-- /wp:cocoon-blocks/tab-item -->"
        "<!-- wp:cocoon-blocks/tab-item --><div><p>b</p></div><!-- /wp:cocoon-blocks/tab-item -->"
        "</div><!-- /wp:cocoon-blocks/tab -->"
    )
    alone, _ = convert(tabs, gutenberg=True)
    under, _ = convert("<!-- wp:heading --><h2>営業時間</h2><!-- /wp:heading -->" + tabs, gutenberg=True)
    assert [v["level"] for kind, v in alone if kind == "heading"] == ["h2", "h2"]
    assert [v["level"] for kind, v in under if kind == "heading"] == ["h2", "h3", "h3"]


def test_bare_link_that_is_not_youtube_stays_a_link_and_playlists_are_not_videos():
    blocks, _ = convert("https://example.jp/menu/\n\nhttps://www.youtube.com/playlist?list=PL123")
    assert [kind for kind, _ in blocks] == ["paragraph"]
    assert '<a href="https://example.jp/menu/">' in blocks[0][1]


def test_image_inside_a_paragraph_is_pulled_out_after_its_text():
    blocks, _ = convert('<p>この写真を見てください <img src="https://x.example/wp-content/uploads/photo-300x200.jpg" alt="肩"></p>')
    assert [kind for kind, _ in blocks] == ["paragraph", "figure"]
    assert blocks[1][1]["image"]["alt_text"] == "肩"


def test_missing_image_keeps_its_caption_text():
    blocks, _ = convert('[caption id="attachment_9"]<img class="wp-image-9" src="/lost.jpg"> 失われた写真[/caption]')
    assert blocks == [("paragraph", "<p>失われた写真</p>")]


def test_blocks_inside_columns_are_read_and_containers_are_not_counted():
    content = (
        '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column">'
        '<!-- wp:loos/cap-block --><div class="cap_box"><div class="cap_box_ttl">注意</div>'
        '<div class="cap_box_content"><p>無理をしない</p></div></div><!-- /wp:loos/cap-block -->'
        "</div><!-- /wp:column --></div><!-- /wp:columns -->"
    )
    blocks, unknown = convert(content, gutenberg=True)
    assert blocks == [("note", {"kind": "caution", "title": "注意", "text": "<p>無理をしない</p>"})]
    assert not unknown


def test_unknown_block_keeps_its_words_and_is_counted_once():
    blocks, unknown = convert(
        '<!-- wp:snow-monkey/faq --><div class="smb-faq"><table><tr><td>質問</td></tr></table></div><!-- /wp:snow-monkey/faq -->',
        gutenberg=True,
    )
    assert blocks == [("paragraph", "<p>質問</p>")]
    assert unknown == Counter({"snow-monkey/faq": 1})


def test_block_parser_handles_void_blocks_and_stray_closers():
    parts = parse('<!-- wp:separator /--><p>a</p><!-- /wp:group --><!-- wp:paragraph {"x":1} --><p>b</p><!-- /wp:paragraph -->')
    names = [part.name for part in parts if not isinstance(part, str)]
    assert names == ["core/separator", "core/paragraph"]


def test_forged_wagtail_embeds_and_links_in_a_post_are_dropped():
    blocks, _ = convert(
        '<p>本文<span data-embedtype="media" data-url="https://evil.example/x">埋め込み</span>'
        '<a data-linktype="page" data-id="1" href="https://example.jp/">リンク</a></p>'
    )
    assert blocks == [("paragraph", '<p>本文埋め込み<a href="https://example.jp/">リンク</a></p>')]


def test_theme_markup_saved_without_block_comments_is_read_as_its_block():
    # Classic-editor posts and custom HTML blocks carry the themes' HTML alone.
    builder = BodyBuilder(lambda soup: None)
    walker = HTMLWalker(builder, Images(), lambda name: None, video_title="")
    GutenbergReader(walker, speakers={"院長": 7})
    walker.classic(
        '<div class="speech-wrap sb-id-1 sbs-stn sbp-r sbis-cb cf"><div class="speech-person">'
        '<figure class="speech-icon"><img src="/icon.png" class="speech-icon-image"></figure>'
        '<div class="speech-name">院 長</div></div><div class="speech-balloon"><p>こんにちは</p></div></div>\n\n'
        '<div class="blank-box bb-tab bb-point"><p>大事なこと</p></div>\n\n'
        '<div class="cap_box"><div class="cap_box_ttl">注意</div><div class="cap_box_content"><p>無理をしない</p></div></div>'
    )
    assert [(b["type"], b["value"]) for b in builder.finish()] == [
        ("balloon", {"author": 7, "speaker_name": "", "speaker_icon": None, "position": "right", "text": "<p>こんにちは</p>"}),
        ("note", {"kind": "point", "title": "ポイント", "text": "<p>大事なこと</p>"}),
        ("note", {"kind": "caution", "title": "注意", "text": "<p>無理をしない</p>"}),
    ]


def test_a_table_inside_an_unmapped_block_keeps_only_its_words_and_a_classic_table_is_a_table():
    blocks, _ = convert("<table><tr><th>曜日</th><th>時間</th></tr><tr><td>月</td><td>9時</td></tr></table>")
    assert blocks[0][0] == "table" and blocks[0][1]["data"] == [["曜日", "時間"], ["月", "9時"]]
    assert blocks[0][1]["first_row_is_table_header"]


def test_a_delimiter_the_grammar_cannot_read_never_reaches_the_page():
    blocks, _ = convert('<!-- wp:paragraph --><p>本文</p><!-- /wp:paragraph -->\n<!-- wp:x {"a": \n<p>続き</p>', gutenberg=True)
    assert blocks == [("paragraph", "<p>本文</p><p>続き</p>")]


def test_swells_balloon_shortcode_becomes_a_balloon_whose_unknown_speaker_is_counted():
    seen = Counter()
    builder = BodyBuilder(lambda soup: None)
    walker = HTMLWalker(builder, Images(), lambda name: seen.update([name]), video_title="")
    GutenbergReader(walker)
    walker.classic('[speech_balloon id="3"]十分間に合います。[/speech_balloon]')
    (block,) = builder.finish()
    assert block["type"] == "balloon" and block["value"]["text"] == "<p>十分間に合います。</p>"
    assert seen == Counter({"loos/balloon（話し手）": 1})
