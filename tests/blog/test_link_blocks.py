"""ブログカード and ボタン (blog/link_blocks.py): a card shows its target as
it is now, and nothing once readers may not see it; the editor's preview
says why. Links are only http(s) or a telephone number."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.blocks import ArticleBodyBlock
from blog.link_blocks import button_href
from blog.models import ArticlePage
from tests.factories import CategoryFactory, ImageFactory, block, make_article
from serving import tags
from serving.tokens import purge
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def card(page=None, url="", title="", description=""):
    return block("blog_card", {"page": page.pk if page else None, "url": url, "title": title, "description": description})


def button(label="予約する", page=None, url="", style="primary"):
    return block("button", {"label": label, "page": page.pk if page else None, "url": url, "style": style})


@pytest.fixture
def target(blog):
    return make_article(blog, title="膝の内側が痛いときのストレッチ", slug="knee-stretch", published_at=days_ago(30),
                        lead="椅子に座ってできる、太もも内側のストレッチです。", hero_image=ImageFactory())


@pytest.fixture
def bearer(blog, target):
    """An article whose card and button link to `target`, an older article in
    another category: neither its neighbour nor in its related list, so only
    the card makes the page show it."""
    back = CategoryFactory()
    for n in range(5):
        make_article(blog, categories=[back], published_at=days_ago(10 - n))
    return make_article(blog, title="膝の痛みの原因", slug="knee-cause", categories=[back],
                        body=[card(target), button("記事を読む", page=target)])


def card_html(client, page):
    html = reader_html(client.get(page.url))
    found = re.search(r'<div class="block-card">.*?</div>', html, re.S)
    return found.group(0) if found else ""


def test_a_card_shows_the_target_pages_title_picture_lead_and_date(client, bearer, target):
    html = card_html(client, bearer)

    assert f'href="{target.url}"' in html
    assert "膝の内側が痛いときのストレッチ" in html
    assert "椅子に座ってできる、太もも内側のストレッチです。" in html
    assert '<img alt=""' in html and "<time datetime=" in html


def test_a_retitled_target_changes_the_card_with_the_page_cache_on(client, bearer, target, settings):
    assert settings.SERVING_PAGE_CACHE
    assert "膝の内側が痛いときのストレッチ" in card_html(client, bearer)
    assert "膝の内側が痛いときのストレッチ" in card_html(client, bearer)  # now from the page cache

    target.title = "膝の内側をゆるめるストレッチ"
    target.save_revision().publish()

    html = card_html(client, bearer)
    assert "膝の内側をゆるめるストレッチ" in html and "膝の内側が痛いときのストレッチ" not in html


def test_the_page_carries_the_tags_of_the_pages_its_cards_link_to(client, bearer, target):
    response = client.get(bearer.url)

    carried = response.headers["X-Cache-Tags"].strip(",").split(",")
    assert tags.page(target.pk) in carried
    assert target.pk not in {a.pk for a in [*bearer.related_articles, *bearer.adjacent_articles] if a}



@pytest.mark.parametrize("hide", ["unpublish", "private", "delete"])
def test_a_card_to_a_page_readers_may_not_see_renders_as_nothing(client, bearer, target, hide):
    if hide == "unpublish":
        target.unpublish()
    elif hide == "private":
        PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
    else:
        target.delete()

    html = reader_html(client.get(bearer.url))

    assert "block-card" not in html and "block-button" not in html
    assert "リンク先のページが非公開" not in html  # readers get no explanation


def test_the_editors_preview_warns_about_a_card_to_an_unpublished_page(rf, admin_user, bearer, target):
    target.unpublish()
    request = rf.get("/admin/")
    request.user = admin_user

    response = ArticlePage.objects.get(pk=bearer.pk).make_preview_request(request)
    html = reader_html(response)

    assert response.status_code == 200
    assert "ブログカード：リンク先のページが非公開・下書き・削除済みのため、読者には表示されません。" in html
    assert "ボタン：リンク先のページが非公開" in html


def test_an_external_card_shows_what_the_editor_typed_and_fetches_nothing(client, blog):
    article = make_article(blog, body=[card(url="https://www.mhlw.go.jp/", title="厚生労働省", description="公的な情報")])

    html = reader_html(client.get(article.url))

    assert '<a class="block-card__link" href="https://www.mhlw.go.jp/">' in html
    assert "厚生労働省" in html and "公的な情報" in html


def test_a_stored_javascript_card_url_is_never_a_link(client, blog):
    article = make_article(blog, body=[card(url="javascript:alert(1)", title="x")])

    assert "javascript:" not in client.get(article.url).content.decode()


def clean(kind, value):
    child = ArticleBodyBlock().child_blocks[kind]
    return child.clean(child.to_python(value))


@pytest.mark.parametrize(("value", "field", "message"), [
    ({"page": None, "url": "", "title": "", "description": ""}, "page", "ページを選ぶか、URLを入れてください"),
    ({"page": None, "url": "ftp://example.com/a", "title": "a", "description": ""}, "url", "http:// か https://"),
    ({"page": None, "url": "https://example.com/", "title": "", "description": ""}, "title", "タイトルを入れて"),
])
def test_a_card_needs_a_page_or_an_http_url_with_a_title(value, field, message):
    with pytest.raises(ValidationError) as error:
        clean("blog_card", value)
    assert message in str(error.value.block_errors[field])


@pytest.mark.parametrize(("url", "href"), [
    ("https://example.com/booking", "https://example.com/booking"),
    ("http://example.com/", "http://example.com/"),
    ("tel:0466-00-0000", "tel:0466000000"),
    ("TEL:（０４６６）００-００００", "tel:0466000000"),
    ("javascript:alert(1)", ""),
    ("java\tscript:alert(1)", ""),
    ("data:text/html,x", ""),
    ("tel:abc", ""),
    ("mailto:a@example.com", ""),
    ("//example.com", ""),
])
def test_button_links_are_checked_like_the_booking_links(url, href):
    assert button_href(url) == href


def test_a_button_with_a_bad_link_is_refused_in_japanese():
    with pytest.raises(ValidationError) as error:
        clean("button", {"label": "予約", "page": None, "url": "javascript:alert(1)", "style": "primary"})
    assert "tel: で始まる電話番号" in str(error.value.block_errors["url"])


def test_buttons_render_primary_and_secondary(client, blog):
    article = make_article(blog, body=[button("電話で予約", url="tel:0466-00-0000"),
                                       button("料金を見る", url="https://example.com/price", style="secondary")])

    html = reader_html(client.get(article.url))

    assert '<a class="block-button__link block-button__link--primary" href="tel:0466000000">電話で予約</a>' in html
    assert '<a class="block-button__link block-button__link--secondary" href="https://example.com/price">料金を見る</a>' in html


def test_a_stored_javascript_button_is_not_shown(client, blog):
    article = make_article(blog, body=[button("x", url="javascript:alert(1)")])

    assert "block-button" not in client.get(article.url).content.decode()


def test_cards_cost_the_same_queries_for_one_or_ten(client, blog, settings, django_assert_max_num_queries):
    settings.SERVING_PAGE_CACHE = False
    targets = [make_article(blog, title=f"記事{n}", hero_image=ImageFactory()) for n in range(10)]
    one = make_article(blog, body=[card(targets[0])])
    ten = make_article(blog, body=[card(t) for t in targets])
    counts = []
    for page in (one, ten):
        client.get(page.url)  # renditions made once
        purge([tags.SITE])  # the article's content rendered again, cards and all
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
