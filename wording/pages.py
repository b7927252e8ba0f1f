"""check_page(page, rules) → findings: every text a reader sees on a page.

Checked, in the order an editor reads them: the title, then the page type's
own text fields (an article's lead), every text of its StreamFields, then the
SEO title and the search description. The body is walked through each
block's own get_searchable_content (Wagtail's notion of "the text in this
block"), so a block type added later is checked by its text with no change
here; settings such as a heading's level are left out by the blocks
themselves (search_index=False).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing

from .checker import check_text

PAGE_TEXT_FIELDS = ("title",)
PROMOTE_TEXT_FIELDS = ("seo_title", "search_description")
PAGE_OWN_FIELDS = {field.name for field in Page._meta.get_fields()}


@dataclass(frozen=True)
class PageFinding:
    field: str  # what the editor calls the place: タイトル, 本文（見出し）
    text: str  # the checked text the finding lies in
    finding: object  # wording.checker.Finding

    @property
    def key(self):
        return (self.finding.rule.id, self.finding.match)

    @property
    def before(self):
        return self.text[: self.finding.start]

    @property
    def after(self):
        return self.text[self.finding.end :]


def own_text_fields(page):
    """The page type's own text fields, in declaration order: TextFields,
    rich text and StreamFields (not Page's slug, paths or other settings)."""
    for field in page._meta.get_fields():
        if field.name in PAGE_OWN_FIELDS or not getattr(field, "concrete", False):
            continue
        if isinstance(field, (StreamField, RichTextField, models.TextField)):
            yield field


def stream_texts(label, stream):
    for child in stream:
        try:
            texts = child.block.get_searchable_content(child.value)
        except (AttributeError, KeyError, TypeError, ValueError):
            continue  # a block stored by older code: security.streams shows it as nothing
        kind = str(child.block.label)
        place = label if kind == label else f"{label}（{kind}）"
        for text in texts:
            if isinstance(text, str) and text.strip():
                yield place, text


def texts_of(page):
    """(place, text) for every text of `page` a reader sees."""
    for name in PAGE_TEXT_FIELDS:
        yield str(Page._meta.get_field(name).verbose_name), getattr(page, name) or ""
    for field in own_text_fields(page):
        value = getattr(page, field.name)
        label = str(field.verbose_name)
        if isinstance(field, StreamField):
            yield from stream_texts(label, value or [])
        elif isinstance(field, RichTextField):
            yield label, get_text_for_indexing(value or "")
        else:
            yield label, value or ""
    yield str(_("SEO用のタイトル")), page.seo_title or ""
    yield str(_("検索結果の説明文")), page.search_description or ""


def check_page(page, rules):
    """Every finding on `page` (its specific instance, any revision)."""
    return [PageFinding(place, text, finding) for place, text in texts_of(page) for finding in check_text(text, rules)]
