"""Pages with よくある質問 blocks are schema.org FAQPages: every question
with its answer, in the page's one JSON-LD graph (seo/jsonld.py faq_page,
fed by blog/layout_blocks.py faq_pairs)."""

import json
import re

import pytest

from pages.models import ContentPage
from tests.factories import block, make_article, paragraphs
from tests.html import reader_html

pytestmark = pytest.mark.django_db

QUESTIONS = [
    ("保険は使えますか？", "<p>整体は<b>自費</b>です。交通事故の施術は<a href=\"https://example.com/\">自賠責</a>も使えます。</p>"),
    ("予約なしでも受けられますか？", "<p>空きがあれば受けられます。</p><ul><li>平日は午後が空いています。</li></ul>"),
    ("駐車場はありますか？", "<p>院の前に2台分あります。</p>"),
]


def faq_blocks():
    first, *rest = QUESTIONS
    return [
        block("faq", {"title": "料金について", "items": [{"question": q, "answer": a} for q, a in [first]]}),
        *paragraphs("ほかの質問です。"),
        block("faq", {"title": "", "items": [{"question": q, "answer": a} for q, a in rest]}),
    ]


def json_ld(response):
    assert response.status_code == 200
    head = reader_html(response).split("</head>")[0]
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def faq_page(graph):
    pages = [node for node in graph if node["@type"] == "FAQPage"]
    assert len(pages) == 1
    return pages[0]


def assert_valid_faq(node, url):
    """What Google's FAQ rich result asks: a FAQPage whose mainEntity is
    Questions, each with a name and an acceptedAnswer Answer with text."""
    assert node["@id"] == node["url"] == url
    assert [question["@type"] for question in node["mainEntity"]] == ["Question"] * len(QUESTIONS)
    assert [question["name"] for question in node["mainEntity"]] == [q for q, _a in QUESTIONS]
    answers = [question["acceptedAnswer"] for question in node["mainEntity"]]
    assert {answer["@type"] for answer in answers} == {"Answer"}
    assert [answer["text"] for answer in answers] == [
        "整体は自費です。交通事故の施術は自賠責も使えます。",
        "空きがあれば受けられます。平日は午後が空いています。",
        "院の前に2台分あります。",
    ]


def test_a_faq_content_page_is_a_faq_page_with_every_pair(client, home):
    page = ContentPage(title="よくある質問", slug="faq", body=faq_blocks())
    home.add_child(instance=page)
    page.save_revision().publish()

    graph = json_ld(client.get("/faq/"))

    assert_valid_faq(faq_page(graph), "http://localhost/faq/")
    assert faq_page(graph)["breadcrumb"] == {"@id": "http://localhost/faq/#breadcrumbs"}
    assert {"BreadcrumbList", "WebSite", "MedicalBusiness"} <= {node["@type"] for node in graph}


def test_an_article_with_faq_blocks_is_a_faq_page_beside_its_blog_posting(client, blog):
    article = make_article(blog, title="膝の痛みQ&A", slug="knee-qa", body=faq_blocks())

    graph = json_ld(client.get(article.url))

    assert_valid_faq(faq_page(graph), "http://localhost/blog/knee-qa/")
    assert "BlogPosting" in {node["@type"] for node in graph}


def test_a_page_without_questions_is_a_plain_web_page(client, home, blog):
    page = ContentPage(title="アクセス", slug="access", body=paragraphs("駅から徒歩5分です。"))
    home.add_child(instance=page)
    page.save_revision().publish()
    article = make_article(blog)

    for url in ("/access/", article.url):
        types = {node["@type"] for node in json_ld(client.get(url))}
        assert "FAQPage" not in types and "WebPage" in types
