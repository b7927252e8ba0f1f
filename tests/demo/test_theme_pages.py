"""The demo's 料金 and よくある質問 pages and its balloon dialogue
(demo/pages.py, demo/articles/lower_back.py): built from the theme blocks,
loaded once, and left alone once an owner edits them."""

import json
import re

import pytest
from django.db import transaction

from blog.models import ArticlePage
from demo.loader import load
from pages.models import ContentPage
from tests.html import reader_html
from tests.query_budget import MAX_QUERIES

pytestmark = pytest.mark.django_db

BALLOON_ARTICLE = "kaiwa-de-wakaru-koshi-no-omosa"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def test_the_price_page_has_a_price_table_and_buttons_to_book(client, demo):
    html = reader_html(client.get("/price/"))

    assert 'aria-labelledby="table-' in html and "施術料金（税込）" in html
    assert '<th scope="row" rowspan="2">回数券</th>' in html
    assert 'class="block-button__link block-button__link--primary" href="https://example.com/teate/booking"' in html
    assert 'href="tel:0466000000"' in html


def test_the_faq_page_is_a_faq_page_with_all_six_questions(client, demo):
    html = reader_html(client.get("/faq/"))

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    faq = next(node for node in data["@graph"] if node["@type"] == "FAQPage")
    assert len(faq["mainEntity"]) == 6
    assert faq["mainEntity"][0]["name"] == "予約なしでも施術を受けられますか？"
    assert html.count('<dt class="block-faq__question">') == 6
    assert 'href="/price/"' in html  # its button links to the 料金 page


def test_the_dialogue_is_between_the_practitioner_and_a_patient(client, demo):
    article = ArticlePage.objects.get(slug=BALLOON_ARTICLE)
    balloons = [child.value for child in article.body if child.block_type == "balloon"]
    html = reader_html(client.get(article.url))

    assert {b.name for b in balloons} == {"山田 遥", "患者さん"}
    assert all(b.icon is not None for b in balloons)  # the author's photo, the patient's drawn icon
    assert html.count('class="block-balloon block-balloon--right"') == 2
    assert "デスクワークの腰痛を防ぐ" in html  # its blog card to another demo article


def test_the_demo_uses_every_theme_block_on_its_pages_too(demo):
    used = {child.block_type for page in ContentPage.objects.all() for child in page.body}
    assert {"table", "button", "faq", "toggle", "note"} <= used


def test_loading_again_keeps_the_owners_price_page(demo):
    price = ContentPage.objects.get(slug="price")
    price.title = "料金表（2027年改定）"
    price.save_revision().publish()

    result = load()

    assert result["created"] == 0
    assert ContentPage.objects.filter(title__startswith="料金").count() == 1


def test_the_theme_pages_keep_their_query_budgets(client, demo, settings, django_assert_max_num_queries):
    """The balloon article as every article (its content kept in the cache
    between renderings); 料金 and よくある質問 as any content page with a
    button to a page (its target read with the readers' rule)."""
    settings.SERVING_PAGE_CACHE = False
    article = ArticlePage.objects.get(slug=BALLOON_ARTICLE)
    for url, budget in [(article.url, MAX_QUERIES["article"]), ("/price/", MAX_QUERIES["content page"]),
                        ("/faq/", MAX_QUERIES["content page"])]:
        client.get(url)
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200, url
