"""外部送信: the page lists what the site really makes browsers send."""

import pytest

from disclosure.transmissions import site_transmissions
from tests.factories import make_article, make_hidden_articles, paragraphs, video_block
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_youtube_is_disclosed_once_a_readable_article_has_a_video(client, blog):
    make_article(blog, body=paragraphs("動画はありません。"))
    assert site_transmissions(None) == []
    assert "外部の事業者へ送信していません" in reader_html(client.get("/external-transmission/"))

    make_article(blog, body=[video_block()])

    html = reader_html(client.get("/external-transmission/"))
    assert "YouTube" in html and "Google LLC" in html and "https://policies.google.com/privacy" in html


def test_videos_only_in_hidden_articles_are_not_disclosed(blog):
    make_hidden_articles(blog, body=[video_block()])

    assert site_transmissions(None) == []


def test_every_footer_links_to_the_disclosure(client, blog):
    article = make_article(blog)

    for url in ("/", "/blog/", article.url, "/search/?q=膝"):
        assert 'href="/external-transmission/">外部送信について</a>' in reader_html(client.get(url)), url


def test_disclosure_page_answers_in_a_few_queries(client, blog, django_assert_max_num_queries):
    make_article(blog, body=[video_block()])
    client.get("/external-transmission/")

    with django_assert_max_num_queries(8):
        assert client.get("/external-transmission/").status_code == 200


def test_google_analytics_is_disclosed_with_its_opt_out_once_the_clinic_sets_an_id(client, clinic, blog):
    make_article(blog, body=paragraphs("動画はありません。"))
    html = reader_html(client.get("/external-transmission/"))
    assert "Googleアナリティクス" not in html and "外部の事業者へ送信していません" in html

    clinic.ga4_measurement_id = "G-ABC123DEF4"
    clinic.save()

    html = reader_html(client.get("/external-transmission/"))
    section = html[html.index("Googleアナリティクス（アクセス解析）"):]
    assert "外部の事業者へ送信していません" not in html
    assert "<td>Google LLC</td>" in section
    assert "Cookieに保存する識別子" in section  # what is sent
    assert "記事とサイトの改善" in section  # why
    assert 'href="https://tools.google.com/dlpage/gaoptout?hl=ja"' in section  # how to stop it
    assert 'href="https://policies.google.com/technologies/partner-sites?hl=ja"' in section


def test_analytics_and_video_are_both_listed(client, clinic, blog):
    clinic.ga4_measurement_id = "G-ABC123DEF4"
    clinic.save()
    make_article(blog, body=[video_block()])

    html = reader_html(client.get("/external-transmission/"))

    assert html.count("<td>Google LLC</td>") == 2
    assert html.index("Googleアナリティクス") < html.index("YouTube（動画）")
    assert html.count("送信を止める方法（オプトアウト）") == 1  # YouTube offers none to list
