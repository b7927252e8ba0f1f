"""The import of a realistic Japanese clinic export (fixtures/clinic.xml),
checked by what a reader sees and what the database holds."""

import re
from datetime import datetime, timezone

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from blog.snippets import Author, Category
from pages.models import ContentPage
from search.models import SearchEntry
from tests.html import reader_html




def article(wp_title):
    return ArticlePage.objects.get(title=wp_title)


GUTENBERG = "膝の痛み&ストレッチ – 基本の3つ"
CLASSIC = "昔ながらのエディタで書いた記事"


def blocks(page, kind):
    return [block.value for block in page.body if block.block_type == kind]


def test_the_report_counts_every_kind_and_lists_what_needs_a_look(imported):
    output = imported
    assert "投稿: 新規 10" in output
    assert "固定ページ: 新規 3" in output
    assert "メディア: 新規 3" in output  # two images and the PDF
    assert "ゴミ箱・自動下書き（trash）: 1" in output
    assert "ゴミ箱・自動下書き（auto-draft）: 1" in output
    assert "メニュー項目（nav_menu_item）: 1" in output
    assert "コメント: 2" in output
    assert "vk-blocks/faq: 1" in output and "[contact-form-7]: 1" in output and "[box]: 1" in output
    assert "2023/01/lost.jpg" in output  # missing media is reported, never fatal
    assert "/category/膝の痛み → /blog/category/" in output


def test_title_entities_are_decoded_and_japanese_slug_percent_decoded(imported):
    page = article(GUTENBERG)
    assert page.slug == "膝の痛み"
    assert page.url == "/blog/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/"


def test_empty_slug_is_derived_from_the_title_and_duplicates_get_a_suffix(imported):
    assert article("肩こりと姿勢").slug == "肩こりと姿勢"
    assert article("同じスラッグの記事").slug == "classic-post-2"


def test_first_published_at_is_post_date_gmt_in_utc(imported):
    assert article(GUTENBERG).first_published_at == datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc)
    assert article(CLASSIC).first_published_at == datetime(2023, 11, 23, 22, 15, tzinfo=timezone.utc)


def test_statuses_map_to_live_draft_scheduled_private_and_password(imported):
    assert article(GUTENBERG).live
    draft, pending = article("下書きの記事"), article("承認待ちの記事")
    assert not draft.live and draft.first_published_at is None
    assert not pending.live
    future = article("来年公開の記事")
    assert not future.live and future.go_live_at == datetime(2099, 1, 1, tzinfo=timezone.utc)
    assert future.get_latest_revision().approved_go_live_at == future.go_live_at
    private = article("スタッフ限定の記事")
    assert private.get_view_restrictions().get().restriction_type == PageViewRestriction.LOGIN
    password = article("会員さん向けの記事")
    restriction = password.get_view_restrictions().get()
    assert restriction.restriction_type == PageViewRestriction.PASSWORD and restriction.password == "hiza2024"
    assert not ArticlePage.objects.filter(title__in=["ゴミ箱の記事", "自動下書き"]).exists()


def test_hidden_posts_never_reach_readers(client, imported):
    for title in ["下書きの記事", "承認待ちの記事", "来年公開の記事", "スタッフ限定の記事", "会員さん向けの記事"]:
        page = article(title)
        response = client.get(page.url)
        assert title not in reader_html(response) or response.status_code != 200
    listing = reader_html(client.get("/blog/"))
    assert GUTENBERG.replace("&", "&amp;") in listing
    for title in ["下書きの記事", "スタッフ限定の記事", "来年公開の記事", "会員さん向けの記事"]:
        assert title not in listing


def test_authors_categories_and_tags_keep_their_japanese_names(imported):
    page = article(GUTENBERG)
    assert [a.name for a in page.authors] == ["山田 太郎"]
    assert [c.name for c in page.categories] == ["膝の痛み"]
    assert Category.objects.get(name="膝の痛み").slug == "膝の痛み"
    assert sorted(t.name for t in page.tags.all()) == ["ストレッチ", "セルフケア"]
    assert Tag.objects.get(name="ストレッチ").slug == "ストレッチ"
    assert Author.objects.filter(name="鈴木 花子").exists()


def test_uncategorized_only_post_is_kept_and_a_post_with_no_author_gets_one(imported):
    page = article(CLASSIC)
    assert [c.name for c in page.categories] == ["未分類"]
    assert len(page.authors) == 1


def test_featured_image_becomes_the_hero_with_its_alt_text(imported):
    hero = article(GUTENBERG).hero_image
    assert hero.title == "膝のイラスト"
    assert hero.description == "膝の内側の図"


def test_sized_variant_in_content_maps_back_to_the_original_attachment(imported):
    (figure,) = blocks(article(GUTENBERG), "figure")
    assert figure["image"].title == "ストレッチ"
    assert figure["caption"] == "太もも内側のストレッチ"
    assert figure["image"].contextual_alt_text == "椅子に座って脚を伸ばす"
    assert get_image_model().objects.count() == 2  # each file once, whatever size the post used


def test_gutenberg_blocks_become_teate_blocks(imported):
    page = article(GUTENBERG)
    kinds = [block.block_type for block in page.body]
    assert kinds[:4] == ["heading", "paragraph", "figure", "video"]
    headings = blocks(page, "heading")
    assert [(h["level"], h["text"]) for h in headings] == [("h2", "膝の内側が痛む原因"), ("h3", "深い見出し")]
    (video,) = blocks(page, "video")
    assert (video["video"].video_id, video["video"].start) == ("M7lc1UVf-VE", 90)
    assert video["caption"] == "1分でできるストレッチ"
    notes = {note["kind"]: note for note in blocks(page, "note")}
    assert notes["point"]["title"] == "ポイント" and "30秒" in notes["point"]["text"].source
    assert "受診" in notes["caution"]["text"].source and "温める" in notes["info"]["text"].source
    quotes = [(q["quote"], q["source"]) for q in blocks(page, "quote")]
    # The balloons and the table are the new theme blocks (test_themes.py).
    assert quotes == [("無理をしないことが一番です。", "整形外科医")]


def test_unknown_blocks_keep_their_text(client, imported):
    html = reader_html(client.get(article(GUTENBERG).url))
    assert "毎日やってもいい？" in html


def test_classic_content_wpautop_caption_and_every_youtube_form(imported):
    page = article(CLASSIC)
    first = page.body[0]
    assert first.block_type == "paragraph"
    assert first.value.source.startswith("<p>朝起きたときに膝がこわばる方へ。<br/>")
    (figure,) = blocks(page, "figure")
    assert figure["caption"] == "膝の内側の構造" and figure["image"].title == "膝のイラスト"
    assert figure["image"].contextual_alt_text == "膝の骨と筋肉"
    videos = [(v["video"].video_id, v["video"].start) for v in blocks(page, "video")]
    assert videos == [("M7lc1UVf-VE", 90), ("dQw4w9WgXcQ", 0), ("9bZkp7q19f0", 30)]
    assert blocks(page, "video")[2]["title"] == "膝の体操"


def test_lead_comes_from_the_excerpt_or_else_the_first_paragraph(imported):
    assert article(CLASSIC).lead == "朝の膝のこわばりをほぐす体操。"
    assert article(GUTENBERG).lead.startswith("鵞足の周りが硬くなると痛みます。")


def test_internal_links_become_page_links_in_every_form(imported):
    gutenberg, classic = article(GUTENBERG), article(CLASSIC)
    paragraph = blocks(gutenberg, "paragraph")[0].source
    # pretty permalink (a post further down the file) and ?p=ID
    assert paragraph.count(f'<a id="{classic.pk}" linktype="page">') == 2
    assert 'href="https://example.org/"' in paragraph
    # percent-encoded in upper case, pointing back up the file
    assert f'<a id="{gutenberg.pk}" linktype="page">' in blocks(classic, "paragraph")[-1].source


def test_links_to_uploads_point_at_the_imported_document(client, imported):
    html = reader_html(client.get(article(GUTENBERG).url))
    assert re.search(r'href="/documents/\d+/price[\w-]*\.pdf"', html)


def test_untrusted_html_never_reaches_a_page(client, imported):
    page = article("危ない記事")
    assert page.title == "危ない記事"
    html = reader_html(client.get(page.url))
    body = html.split('class="article__body"', 1)[1]
    for needle in ["alert(", "onclick", "onerror", "javascript:", "evil.example", "onmouseover"]:
        assert needle not in body
    assert "こんにちは" in body


def test_pages_become_content_pages_under_home_keeping_their_hierarchy(client, imported, home):
    access = ContentPage.objects.get(title="アクセス")
    parking = ContentPage.objects.get(title="駐車場")  # exported before its parent
    price = ContentPage.objects.get(title="料金")
    assert access.get_parent().pk == home.pk and price.slug == "料金"
    assert parking.get_parent().pk == access.pk
    response = client.get("/access/parking/")
    assert response.status_code == 200 and "院の前に2台分あります。" in reader_html(response)
    assert f'<a id="{price.pk}" linktype="page">' in blocks(access, "paragraph")[0].source


def test_imported_articles_are_in_search_and_sitemap_at_once(client, imported):
    page = article(GUTENBERG)
    assert SearchEntry.objects.filter(page=page).exists()
    assert not SearchEntry.objects.filter(page=article("下書きの記事")).exists()
    assert not SearchEntry.objects.filter(page=article("スタッフ限定の記事")).exists()
    sitemap = reader_html(client.get("/sitemap-articles.xml")) + reader_html(client.get("/sitemap-pages.xml"))
    assert "/blog/%E8%86%9D%E3%81%AE%E7%97%9B%E3%81%BF/" in sitemap
    assert "/access/" in sitemap
    assert "/blog/private-post/" not in sitemap
    results = reader_html(client.get("/search/", {"q": "鵞足"}))
    assert "基本の3つ" in results
