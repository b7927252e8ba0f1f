"""check_page: every text a reader sees, named by its place, whatever the
block type."""

import pytest
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from pages.models import ContentPage
from tests.factories import block, make_article, paragraphs
from wording.audit import audit
from wording.pages import check_page, stream_texts, texts_of
from wording.rules import rules_for
from wording.site import clinic_checks

pytestmark = pytest.mark.django_db
SEITAI = rules_for("seitai")


def test_texts_come_in_reading_order_with_their_places(blog):
    article = make_article(
        blog,
        title="膝のケア",
        lead="リード",
        body=[block("heading", {"level": "h2", "text": "見出し", "anchor": "a"}), *paragraphs("段落")],
        publish=False,
    )
    article.seo_title, article.search_description = "SEO", "説明"
    assert list(texts_of(article)) == [
        ("タイトル", "膝のケア"),
        ("リード文", "リード"),
        ("本文（見出し）", "見出し"),
        ("本文", "段落"),
        ("SEO用のタイトル", "SEO"),
        ("検索結果の説明文", "説明"),
    ]


def test_block_types_added_later_are_checked_by_their_text():
    """A FAQ-like block and a table, as another branch adds them: their text
    is walked with no change to the checks."""
    faq = blocks.StructBlock(
        [("title", blocks.CharBlock()), ("items", blocks.ListBlock(blocks.StructBlock(
            [("question", blocks.CharBlock()), ("answer", blocks.RichTextBlock())])))],
        label="よくある質問",
    )
    stream = blocks.StreamBlock([("faq", faq), ("table", TableBlock(label="表"))])
    value = stream.to_python([
        {"type": "faq", "value": {"title": "Q&A", "items": [{"question": "治りますか？", "answer": "<p>必ず治ります。</p>"}]}},
        {"type": "table", "value": {"data": [["料金", "今だけ半額"]], "first_row_is_table_header": False}},
    ])
    texts = list(stream_texts("本文", value))
    assert ("本文（よくある質問）", "必ず治ります。") in texts
    assert ("本文（表）", "今だけ半額") in texts


def test_content_pages_are_checked_and_audited(home, blog):
    page = home.add_child(instance=ContentPage(title="料金", slug="price", body=paragraphs("今だけ初回半額です。")))
    page.save_revision().publish()
    assert [item.finding.match for item in check_page(page, SEITAI)] == ["今だけ", "初回半額"]
    results = audit(clinic_checks(profession="seitai"), use_cache=False)
    assert [(result.page.title, len(result.findings)) for result in results] == [("料金", 2)]


def test_the_audit_leaves_drafts_private_to_the_editor(blog):
    make_article(blog, title="下書き：必ず治る", publish=False)
    assert audit(clinic_checks(profession="seitai"), use_cache=False) == []
