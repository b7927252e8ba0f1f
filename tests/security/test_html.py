"""Values written straight to the database (an importer, a script) are not
trusted when rendered: no script handlers, no javascript: or data: links."""

import json
import re

import pytest
from django.db import connection
from wagtail.models import Site

from blog.models import ArticlePage, BlogIndexPage
from blog.snippets import Author
from clinic.models import ClinicSettings
from home.models import HomePage
from security.html import safe_url, tel_url
from tests.factories import AuthorFactory, block, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db

HOSTILE_RICH_TEXT = (
    '<p>膝のケア<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">ここ</a>'
    '<a href="https://example.com/" onclick="alert(3)">外部</a>'
    '<b style="color:red">太字</b></p>'
    "<script>alert(4)</script><iframe src=\"https://evil.example/\"></iframe>"
    '<svg onload="alert(5)"></svg>'
)
HOSTILE_URLS = ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>"]


LINK = re.compile(r"""\b(?:href|src|action|formaction)\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)


def assert_inert(html):
    """No event handler, script or inline style from the data, and every
    link or source on the page a web, tel: or relative URL."""
    lowered = html.lower()
    for marker in ["onerror", "onclick", "onload", "<script>alert", "evil.example", 'style="color:red"']:
        assert marker not in lowered, marker
    for url in LINK.findall(html):
        assert not re.match(r"(?i)\s*(javascript|data|vbscript):", url), url


def write_raw(model, pk, **values):
    """UPDATE with no model validation, as an importer might."""
    columns = ", ".join(f"{model._meta.get_field(name).column} = %s" for name in values)
    pk_column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {model._meta.db_table} SET {columns} WHERE {pk_column} = %s", [*values.values(), pk])


def test_raw_rich_text_in_an_article_body_renders_without_script_handlers(client, blog):
    article = make_article(blog, title="記事")
    body = [block("paragraph", HOSTILE_RICH_TEXT), block("note", {"kind": "point", "title": "", "text": HOSTILE_RICH_TEXT})]
    write_raw(ArticlePage, article.pk, body=json.dumps(body))

    html = reader_html(client.get(article.url))

    assert_inert(html)
    assert "膝のケア" in html and "<b>太字</b>" in html
    assert '<a href="https://example.com/">外部</a>' in html


def test_raw_rich_text_in_home_and_blog_intros_renders_without_script_handlers(client, home, blog):
    write_raw(HomePage, home.pk, intro=HOSTILE_RICH_TEXT)
    write_raw(BlogIndexPage, blog.pk, intro=HOSTILE_RICH_TEXT)
    make_article(blog)

    for url in ["/", "/blog/"]:
        html = reader_html(client.get(url))
        assert_inert(html)
        assert "膝のケア" in html


def test_editor_rich_text_still_renders_internal_links_and_embeds(client, blog):
    target = make_article(blog, title="リンク先の記事")
    text = f'<p><a linktype="page" id="{target.pk}">関連記事</a></p><embed embedtype="media" url="https://youtu.be/M7lc1UVf-VE"/>'
    article = make_article(blog, body=[block("paragraph", text)])

    html = reader_html(client.get(article.url))

    assert f'<a href="{target.url}">関連記事</a>' in html
    assert 'class="video-facade"' in html and "<embed" not in html


@pytest.mark.parametrize("hostile", HOSTILE_URLS)
def test_clinic_urls_written_raw_never_become_links(client, blog, hostile):
    article = make_article(blog)
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    write_raw(ClinicSettings, clinic.pk, booking_url=hostile, line_url=hostile, phone=hostile, clinic_name="てあて整体院")

    for url in ["/", article.url]:
        html = reader_html(client.get(url))
        assert_inert(html)


def test_safe_clinic_urls_and_phone_still_link(client, blog):
    article = make_article(blog)
    clinic = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    write_raw(ClinicSettings, clinic.pk, booking_url="https://example.jp/yoyaku", line_url="https://line.me/R/ti/p/@teate",
              phone="0466-00-0000")

    html = reader_html(client.get(article.url))

    assert 'href="https://example.jp/yoyaku"' in html
    assert 'href="https://line.me/R/ti/p/@teate"' in html
    assert 'href="tel:0466000000"' in html


@pytest.mark.parametrize("hostile", HOSTILE_URLS)
def test_author_sns_urls_written_raw_reach_neither_the_page_nor_json_ld(client, blog, hostile):
    author = AuthorFactory(name="山田 遥", website_url="https://example.jp/")
    write_raw(Author, author.pk, x_url=hostile, instagram_url=hostile, line_url=hostile)
    article = make_article(blog, authors=[Author.objects.get(pk=author.pk)])

    html = reader_html(client.get(article.url))

    assert_inert(html)
    assert 'href="https://example.jp/"' in html


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.jp/a?b=1", "https://example.jp/a?b=1"),
        ("http://example.jp", "http://example.jp"),
        ("javascript:alert(1)", ""),
        ("JAVASCRIPT:alert(1)", ""),
        ("\x01javascript:alert(1)", ""),
        ("data:text/html;base64,PHNjcmlwdD4=", ""),
        ("vbscript:msgbox", ""),
        ("//evil.example/", ""),
        ("https:///nohost", ""),
        ("mailto:clinic@example.jp", ""),
        ("", ""),
        (None, ""),
        ("http://[::1", ""),
    ],
)
def test_safe_url_allows_only_web_links(url, expected):
    assert safe_url(url) == expected


def test_safe_url_allows_mailto_only_when_asked():
    assert safe_url("mailto:clinic@example.jp", {"mailto"}) == "mailto:clinic@example.jp"


@pytest.mark.parametrize(
    "phone, expected",
    [("0466-00-0000", "tel:0466000000"), ("+81 466 00 0000", "tel:+81466000000"), ("javascript:alert()", ""), ("", "")],
)
def test_tel_url_keeps_only_digits(phone, expected):
    assert tel_url(phone) == expected
