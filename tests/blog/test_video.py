"""YouTube videos: what an editor may paste, what they are told when it is
refused, and what a reader's browser receives before pressing play."""

import html
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.format import embed_to_frontend_html
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from blog.blocks import VideoBlock
from blog.models import ArticlePage
from blog.video import NotAYouTubeVideo, YouTubeVideo, parse_youtube, video_object
from tests.factories import AuthorFactory, CategoryFactory, ImageFactory, article_form_data, block, make_article, video_block
from tests.query_budget import MAX_QUERIES
from tests.html import reader_html

ID = "M7lc1UVf-VE"

VALID = [
    (ID, (ID, 0)),
    (f"  {ID}  ", (ID, 0)),
    (f"https://www.youtube.com/watch?v={ID}", (ID, 0)),
    (f"https://www.youtube.com/watch?v={ID}&feature=youtu.be&ab_channel=Teate", (ID, 0)),
    (f"https://www.youtube.com/watch?feature=share&v={ID}&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=2", (ID, 0)),
    (f"https://youtube.com/watch?v={ID}&t=90", (ID, 90)),
    (f"https://www.youtube.com/watch?v={ID}&t=1m30s", (ID, 90)),
    (f"https://www.youtube.com/watch?v={ID}&t=1h2m3s", (ID, 3723)),
    (f"https://www.youtube.com/watch?v={ID}#t=45s", (ID, 45)),
    (f"http://www.youtube.com/watch?v={ID}", (ID, 0)),
    (f"www.youtube.com/watch?v={ID}", (ID, 0)),
    (f"https://m.youtube.com/watch?v={ID}&t=12s", (ID, 12)),
    (f"https://music.youtube.com/watch?v={ID}&si=abc", (ID, 0)),
    (f"https://youtu.be/{ID}", (ID, 0)),
    (f"https://youtu.be/{ID}?si=Xyz123&t=75", (ID, 75)),
    (f"youtu.be/{ID}?t=2m", (ID, 120)),
    (f"https://www.youtube.com/shorts/{ID}", (ID, 0)),
    (f"https://youtube.com/shorts/{ID}?feature=share", (ID, 0)),
    (f"https://www.youtube.com/embed/{ID}?start=90", (ID, 90)),
    (f"https://www.youtube.com/embed/{ID}?start=90&end=120&rel=0", (ID, 90)),
    (f"https://www.youtube.com/live/{ID}?feature=shared&t=300", (ID, 300)),
    (f"https://www.youtube.com/v/{ID}", (ID, 0)),
    (f"https://www.youtube-nocookie.com/embed/{ID}?start=5", (ID, 5)),
    (f"https://youtube-nocookie.com/embed/{ID}", (ID, 0)),
    (f"HTTPS://WWW.YOUTUBE.COM/watch?v={ID}", (ID, 0)),
    (f"https://www.youtube.com:443/watch?v={ID}", (ID, 0)),
]

REFUSED = [
    ("", "not_youtube"),
    ("M7lc1UVf-V", "not_youtube"),  # 10 characters
    ("M7lc1UVf-VE!", "not_youtube"),
    (f"https://www.youtube.com.evil.example/watch?v={ID}", "not_youtube"),
    (f"https://evil.example/watch?v={ID}", "not_youtube"),
    (f"https://notyoutube.com/watch?v={ID}", "not_youtube"),
    (f"https://youtube.com.evil.example/{ID}", "not_youtube"),
    (f"https://evil.example/?u=https://youtu.be/{ID}", "not_youtube"),
    (f"https://www.youtube.com@evil.example/watch?v={ID}", "not_youtube"),
    (f"https://user@www.youtube.com/watch?v={ID}", "not_youtube"),
    (f"https://www.youtube.com:8443/watch?v={ID}", "not_youtube"),
    (f"https://www.youtube.com.\\@evil.example/watch?v={ID}", "not_youtube"),
    (f"javascript:alert(1)//youtu.be/{ID}", "not_youtube"),
    (f"data:text/html,<a href=https://youtu.be/{ID}>", "not_youtube"),
    (f"ftp://youtu.be/{ID}", "not_youtube"),
    (f"https://youtu.be/{ID}\n<script>", "not_youtube"),
    (f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg", "not_youtube"),
    ("https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "playlist"),
    ("https://www.youtube.com/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "playlist"),
    ("https://www.youtube.com/@teate-seitai", "not_youtube"),
    ("https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw", "not_youtube"),
    ("https://www.youtube.com/watch", "not_youtube"),
    ("https://www.youtube.com/watch?v=M7lc1UVf-VEX", "bad_id"),
    ("https://youtu.be/abc", "bad_id"),
    ("https://www.youtube.com/embed/M7lc1UVf%22VE", "bad_id"),
    (f"https://www.youtube-nocookie.com/watch?v={ID}", "not_youtube"),
    (f"https://youtu.be/{ID}?t=abc", "bad_start"),
    (f"https://www.youtube.com/watch?v={ID}&t=-5", "bad_start"),
]


@pytest.mark.parametrize(("pasted", "expected"), VALID)
def test_youtube_link_forms_give_video_id_and_start(pasted, expected):
    assert parse_youtube(pasted) == expected


@pytest.mark.parametrize(("pasted", "code"), REFUSED)
def test_hostile_or_malformed_input_is_refused_with_japanese_message(pasted, code):
    with pytest.raises(ValidationError) as refused:
        parse_youtube(pasted)

    assert refused.value.code == code
    message = refused.value.messages[0]
    assert re.search(r"[ぁ-んァ-ヶ一-龠]", message), message


def test_refusal_is_also_a_value_error_for_importers():
    with pytest.raises(ValueError):
        parse_youtube("https://vimeo.com/76979871")
    assert issubclass(NotAYouTubeVideo, ValidationError)


def test_urls_built_for_a_video():
    video = YouTubeVideo(ID, 90)

    assert video.embed_url == f"https://www.youtube-nocookie.com/embed/{ID}?start=90&autoplay=1"
    assert video.watch_url == f"https://www.youtube.com/watch?v={ID}&t=90s"
    assert video.thumbnail_url == f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg"
    assert parse_youtube(video.watch_url) == video  # the canonical link reads back the same


def test_video_object_has_what_search_engines_require():
    from datetime import datetime, timezone

    data = video_object(
        YouTubeVideo(ID, 30), name="膝のストレッチ", upload_date=datetime(2026, 11, 24, 1, 0, tzinfo=timezone.utc)
    )

    assert data == {
        "@type": "VideoObject",
        "name": "膝のストレッチ",
        "description": "膝のストレッチ",
        "thumbnailUrl": f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg",
        "uploadDate": "2026-11-24T10:00:00+09:00",
        "embedUrl": f"https://www.youtube-nocookie.com/embed/{ID}?start=30",
    }


# --- The article page a reader receives -------------------------------------------------


def json_ld_videos(html):
    """The VideoObjects in the page's JSON-LD graph (built by blog.seo)."""
    graphs = [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    return [
        video
        for graph in graphs
        for node in graph.get("@graph", [])
        for video in node.get("video", [])
    ]


@pytest.mark.django_db
def test_article_renders_facade_without_iframe_or_youtube_script(client, blog, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False  # count a rendering, not a cached copy
    article = make_article(blog, body=[video_block(caption="椅子に座ってできます。")])
    client.get(article.url)  # the Site, settings and related articles are cached from now on

    with django_assert_max_num_queries(MAX_QUERIES["article"]):
        response = client.get(article.url)

    html = reader_html(response)
    assert response.status_code == 200
    assert "<iframe" not in html
    assert "youtube.com/iframe_api" not in html and "www.youtube.com/s/" not in html
    assert f'href="https://www.youtube.com/watch?v={ID}&amp;t=90s"' in html
    assert 'aria-label="動画を再生：太もも内側のストレッチ"' in html
    assert f'src="https://i.ytimg.com/vi/{ID}/hqdefault.jpg"' in html
    assert f'data-video-embed="https://www.youtube-nocookie.com/embed/{ID}?start=90&amp;autoplay=1"' in html
    assert "椅子に座ってできます。" in html
    assert "js/video.js" in html
    assert "Set-Cookie" not in response.headers or "youtube" not in response.headers["Set-Cookie"]


@pytest.mark.django_db
def test_article_describes_its_video_as_json_ld_video_object(client, blog):
    article = make_article(blog, body=[video_block(title="膝</script><b>ストレッチ", caption="1分でできます")])

    html = reader_html(client.get(article.url))

    objects = json_ld_videos(html)
    assert objects == [
        {
            "@type": "VideoObject",
            "name": "膝</script><b>ストレッチ",
            "description": "1分でできます",
            "thumbnailUrl": f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg",
            "uploadDate": objects[0]["uploadDate"],
            "embedUrl": f"https://www.youtube-nocookie.com/embed/{ID}?start=90",
        }
    ]
    assert objects[0]["uploadDate"].startswith(str(article.first_published_at.year))
    assert "膝</script><b>" not in html  # the title cannot close the script element


@pytest.mark.django_db
def test_custom_thumbnail_replaces_youtube_thumbnail(client, blog):
    image = ImageFactory()
    article = make_article(blog, body=[video_block(thumbnail=image.pk)])

    html = reader_html(client.get(article.url))

    assert "i.ytimg.com" not in html
    assert re.search(r'<img[^>]*class="video-facade__thumb"[^>]*src="/media/images/[^"]+"|'
                     r'<img[^>]*src="/media/images/[^"]+"[^>]*class="video-facade__thumb"', html)
    thumbnail_url = json_ld_videos(html)[0]["thumbnailUrl"]
    assert thumbnail_url.startswith("http://localhost/media/images/")  # on the site's root URL


# --- The admin ------------------------------------------------------------------------------


def video_article_form(video_url, title="動画つきの記事", video_titles=("太もも内側のストレッチ",)):
    return article_form_data(
        title=title,
        slug="video-article",
        lead="ストレッチの動画つきです。",
        body=[
            ("paragraph", rich_text("<p>動画を見ながら試してください。</p>")),
            *[
                ("video", {"video": video_url, "title": video_title, "caption": "", "thumbnail": ""})
                for video_title in video_titles
            ],
        ],
        authors=[AuthorFactory()],
        categories=[CategoryFactory()],
    )


def stream_form_state(response):
    """The StreamField's values and errors, as the admin's JavaScript reads them
    (JSON inside an HTML attribute)."""
    text = html.unescape(reader_html(response))
    return text.encode("ascii", "backslashreplace").decode("unicode_escape")


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


@pytest.mark.django_db
def test_admin_add_view_stores_canonical_video_id_and_start(admin_client, blog):
    response = admin_client.post(add_url(blog), video_article_form(f"https://m.youtube.com/watch?v={ID}&t=1m30s&si=x"))

    assert response.status_code == 302, reader_html(response)[:2000]
    article = ArticlePage.objects.get(slug="video-article")
    stored = article.body.raw_data[1]
    assert stored["type"] == "video"
    assert stored["value"]["video"] == {"video_id": ID, "start": 90}
    assert stored["value"]["title"] == "太もも内側のストレッチ"


@pytest.mark.django_db
def test_video_left_without_a_title_is_named_after_the_article(admin_client, client, blog):
    form = video_article_form(f"https://youtu.be/{ID}", title="膝のストレッチ", video_titles=("",))

    response = admin_client.post(add_url(blog), {**form, "action-publish": "action-publish"})

    assert response.status_code == 302
    assert ArticlePage.objects.get().body.raw_data[1]["value"]["title"] == "動画：膝のストレッチ"
    html = reader_html(client.get("/blog/video-article/"))
    assert 'aria-label="動画を再生：動画：膝のストレッチ"' in html
    assert json_ld_videos(html)[0]["name"] == "動画：膝のストレッチ"


@pytest.mark.django_db
def test_several_untitled_videos_get_numbered_titles_and_a_typed_title_is_kept(admin_client, blog):
    form = video_article_form(f"https://youtu.be/{ID}", title="膝のストレッチ", video_titles=("", "自分で付けた題", " "))

    admin_client.post(add_url(blog), form)

    titles = [block["value"]["title"] for block in ArticlePage.objects.get().body.raw_data[1:]]
    assert titles == ["動画：膝のストレッチ（1）", "自分で付けた題", "動画：膝のストレッチ（2）"]


@pytest.mark.django_db
def test_admin_edit_form_shows_the_canonical_link(admin_client, blog):
    article = make_article(blog, body=[video_block(url=f"youtu.be/{ID}?t=75")])

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))

    assert f'"video": "https://www.youtube.com/watch?v={ID}&t=75s"' in stream_form_state(response)


@pytest.mark.django_db
def test_admin_refuses_bad_video_link_and_saves_nothing(admin_client, blog):
    pages_before = Page.objects.count()

    response = admin_client.post(
        add_url(blog), video_article_form(f"https://www.youtube.com.evil.example/watch?v={ID}")
    )

    assert response.status_code == 200
    form_state = stream_form_state(response)
    assert "YouTubeの動画URL（youtube.com または youtu.be）か、11文字の動画IDを入力してください。" in form_state
    assert f'"video": "https://www.youtube.com.evil.example/watch?v={ID}"' in form_state  # shown back to correct
    assert Page.objects.count() == pages_before
    assert not ArticlePage.objects.filter(slug="video-article").exists()


@pytest.mark.django_db
def test_video_block_preview_renders_offline(admin_client):
    html = VideoBlock().render(VideoBlock().get_preview_value())

    assert 'aria-label="動画を再生：' in html and "<iframe" not in html
    assert "i.ytimg.com/vi/M7lc1UVf-VE/hqdefault.jpg" in html


# --- Rich text and Wagtail's embeds ------------------------------------------------------------


@pytest.mark.django_db
def test_embed_finder_builds_facade_without_asking_youtube():
    embed = get_embed(f"https://youtu.be/{ID}?t=42")

    assert embed.type == "video" and embed.provider_name == "YouTube"
    assert embed.thumbnail_url == f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg"
    assert "<iframe" not in embed.html
    assert f"https://www.youtube-nocookie.com/embed/{ID}?start=42&amp;autoplay=1" in embed.html
    assert 'aria-label="動画を再生：YouTube動画"' in embed.html


@pytest.mark.django_db
def test_embed_finder_leaves_other_hosts_to_oembed():
    from blog.embeds import YouTubeFacadeFinder

    finder = YouTubeFacadeFinder()
    assert finder.accept(f"https://www.youtube.com/watch?v={ID}")
    assert not finder.accept(f"https://www.youtube.com.evil.example/watch?v={ID}")
    assert not finder.accept(ID)  # an embed is a link, never a bare ID
    assert not finder.accept("https://vimeo.com/76979871")


@pytest.mark.django_db
def test_youtube_link_embedded_in_rich_text_renders_as_facade(client, blog):
    paragraph = f'<p>動画です。</p><embed embedtype="media" url="https://www.youtube.com/shorts/{ID}"/>'
    article = make_article(blog, body=[block("paragraph", paragraph)])

    html = reader_html(client.get(article.url))

    assert 'class="video-facade"' in html and "<iframe" not in html
    assert f'href="https://www.youtube.com/watch?v={ID}"' in html


@pytest.mark.django_db
def test_admin_embed_chooser_accepts_youtube_link_offline(admin_client):
    response = admin_client.post(
        reverse("wagtailembeds:chooser_upload"), {"embed-chooser-url": f"https://youtu.be/{ID}"}
    )

    data = response.json()
    assert data["step"] == "embed_chosen"
    assert data["embed_data"]["thumbnail"] == f"https://i.ytimg.com/vi/{ID}/hqdefault.jpg"
    assert embed_to_frontend_html(f"https://youtu.be/{ID}").count("video-facade__link") == 1
