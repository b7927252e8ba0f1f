"""Blocks that send readers to a page: ブログカード and ボタン.

They show a page only while a reader may see it (querysets.readable_pages),
read fresh from the page at each rendering; their PageChooserBlocks are
what serving/declarations.py `pages_chosen_in` finds, so that a change to a
target purges every page linking to it."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Page

from security.html import WEB, safe_url, tel_url

from .layout_blocks import field_error
from .querysets import readable_pages

# The block types whose value has a "page" a reader is sent to.
PAGE_LINK_BLOCKS = ("blog_card", "button")


# ---- links to pages: ブログカード and ボタン ------------------------------------


@dataclass(frozen=True)
class LinkedPage:
    """What a card shows of the page it links to, read from the page now."""

    page: Page
    title: str
    image: object
    lead: str
    date: object


def linked_page(page):
    """An article shows its メイン画像, リード文 and publication date; any
    other page its search description and last publication."""
    return LinkedPage(
        page=page,
        title=page.title,
        image=getattr(page, "hero_image", None),
        lead=getattr(page, "lead", "") or page.search_description,
        date=getattr(page, "published_date", None) or page.last_published_at,
    )


def resolve_linked_pages(values):
    """Give each value (a blog card's or a button's) `target`: its page as
    a LinkedPage when a reader may see it, else None. One set of queries for
    all of them."""
    wanted = {value["page"].pk for value in values if value.get("page") is not None}
    found = {}
    if wanted:
        pages = list(readable_pages(Page.objects.filter(pk__in=wanted)).specific())
        prefetch_related_objects([page for page in pages if hasattr(type(page), "hero_image")], "hero_image__renditions")
        found = {page.pk: linked_page(page) for page in pages}
    for value in values:
        page = value.get("page")
        value._target = found.get(page.pk) if page is not None else None


class PageLinkValue(blocks.StructValue):
    _target = ...  # not yet resolved

    @property
    def target(self):
        """The linked page as a reader may see it, or None."""
        if self._target is ...:
            resolve_linked_pages([self])
        return self._target

    @property
    def hidden_target(self):
        """A page was chosen (or was, before being deleted) that readers may
        not see: readers get nothing, a preview warns the editor."""
        return (self.get("page") is not None or getattr(self, "page_deleted", False)) and self.target is None


class PageLinkBlockMixin:
    def bulk_to_python(self, values):
        converted = super().bulk_to_python(values)
        for raw, value in zip(values, converted):
            value.page_deleted = raw.get("page") is not None and value.get("page") is None
        resolve_linked_pages(converted)
        return converted

    def clean_link(self, value, *, url_field="url"):
        """Exactly one of a page or a URL."""
        if (value.get("page") is None) == (not value.get(url_field)):
            raise field_error("page", _("ページを選ぶか、URLを入れてください（どちらか一方）。"))



class BlogCardBlock(PageLinkBlockMixin, blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("サイト内のページ"), required=False,
        help_text=_("タイトル・画像・リード文・日付はページから自動で表示し、ページを直せばカードも変わります。"),
    )
    url = blocks.URLBlock(
        label=_("外部サイトのURL"), required=False, search_index=False, help_text=_("http:// か https:// で始まるURL。")
    )
    title = blocks.CharBlock(label=_("外部サイトのタイトル"), required=False, max_length=120)
    description = blocks.CharBlock(label=_("外部サイトの説明"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        self.clean_link(value)
        if value.get("url"):
            if not safe_url(value["url"]):
                raise field_error("url", _("http:// か https:// で始まるURLを入れてください。"))
            if not value.get("title"):
                raise field_error("title", _("外部サイトへのカードにはタイトルを入れてください。"))
        return value

    class Meta:
        icon = "link"
        label = _("ブログカード")
        template = "blocks/blog_card.html"
        value_class = PageLinkValue
        description = _("ほかの記事や外部サイトへのリンクを、カードの形で。")
        preview_value = {
            "url": "https://www.mhlw.go.jp/",
            "title": "厚生労働省",
            "description": "健康づくりや医療についての公的な情報です。",
        }


# ---- ボタン --------------------------------------------------------------------


def button_href(url):
    """The link a button may send readers to, checked as the booking links
    are (booking/links.py): http(s), or a telephone number as a tel: link a
    phone can dial. "" for anything else."""
    url = str(url or "").strip()
    if url.lower().startswith("tel:"):
        return tel_url(url[4:])
    return safe_url(url, WEB)


class ButtonValue(PageLinkValue):
    @property
    def href(self):
        """Where the button goes, or "" when it must not be shown."""
        if self.get("page") is not None or getattr(self, "page_deleted", False):
            target = self.target
            return target.page.url if target is not None else ""
        return button_href(self.get("url"))


class ButtonBlock(PageLinkBlockMixin, blocks.StructBlock):
    label = blocks.CharBlock(label=_("ボタンの文字"), max_length=40)
    page = blocks.PageChooserBlock(label=_("サイト内のページ"), required=False)
    url = blocks.CharBlock(
        label=_("URL・電話番号"), required=False, max_length=500, search_index=False,
        help_text=_("https:// で始まるURL、または tel:0466-00-0000 のような電話番号。"),
    )
    style = blocks.ChoiceBlock(
        choices=[("primary", _("目立つボタン")), ("secondary", _("控えめなボタン"))],
        default="primary", label=_("見た目"), search_index=False,
    )

    def clean(self, value):
        value = super().clean(value)
        self.clean_link(value)
        if value.get("url") and not button_href(value["url"]):
            raise field_error("url", _("https:// で始まるURLか、tel: で始まる電話番号を入れてください。"))
        return value

    class Meta:
        icon = "pick"
        label = _("ボタン")
        template = "blocks/button.html"
        value_class = ButtonValue
        description = _("予約ページや電話へ誘うボタン。")
        preview_value = {"label": "電話で予約する", "url": "tel:0466-00-0000", "style": "primary"}
