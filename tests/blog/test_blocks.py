"""The block picker shows what each body block will look like."""

import re

import pytest
from django.urls import reverse

from blog.models import ArticlePage
from clinic.models import PROFESSIONS
from tests.factories import ImageFactory
from wording.checker import check_text
from wording.rules import rules_for

pytestmark = pytest.mark.django_db


def preview(admin_client, block_name):
    block = ArticlePage.body.field.stream_block.child_blocks[block_name]
    return admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})


def test_figure_preview_shows_a_real_picture_with_its_caption(admin_client):
    ImageFactory(title="膝の図", description="膝の内側を指さしている写真")

    response = preview(admin_client, "figure")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<figure class="block-figure">' in html
    assert 'src="/media/images/' in html and 'alt="膝の内側を指さしている写真"' in html
    # Captions are broken into phrases (<wbr>, typography/), so compare the text.
    assert "写真の下に表示される説明文です。" in re.sub(r"<[^>]+>", "", html)


def test_figure_preview_without_any_picture_shows_a_placeholder(admin_client):
    response = preview(admin_client, "figure")

    html = response.content.decode()
    assert response.status_code == 200
    assert "アップロードした写真がここに入ります" in html and "<img" not in html


def test_figure_block_is_offered_with_a_preview_in_the_picker():
    block = ArticlePage.body.field.stream_block.child_blocks["figure"]

    assert block.is_previewable


@pytest.mark.parametrize("profession", [code for code, _label in PROFESSIONS])
def test_no_block_s_description_or_preview_raises_a_wording_finding(profession):
    # The block picker's examples are what editors copy: a patient's
    # testimonial there (「患者さんの声」, 「60代・女性」) would teach the very
    # wording the checks flag.
    rules = rules_for(profession)
    found = []
    for name, block in ArticlePage.body.field.stream_block.child_blocks.items():
        texts = [str(block.meta.description or ""), *block.get_searchable_content(block.get_preview_value())]
        found += [(name, finding.match) for text in texts for finding in check_text(text, rules)]

    assert found == []
