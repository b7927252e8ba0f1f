"""The article editor's form: Wagtail's, plus a romaji slug for new articles."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from . import romaji

SLUG_HELP = _(
    "記事のURLの末尾です。タイトルの読みからローマ字で自動で入ります（例: hiza-no-itami）。"
    "書き換えれば、そのスラッグを使います。公開後は変えないでください。"
)


class ArticlePageForm(WagtailAdminPageForm):
    """Wagtail fills the slug from the title as the editor types: for a
    Japanese title that is a percent-encoded URL (/blog/%E8%86%9D…/) that
    looks broken when pasted into LINE or X. A new article gets the title's
    romaji instead, unless the editor chose a slug. Saved articles keep theirs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self.instance._state.adding:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = SLUG_HELP

    def clean(self):
        if self.instance._state.adding and "slug" in self.fields:
            title = self.cleaned_data.get("title") or ""
            slug = self.cleaned_data.get("slug")
            if slug is not None and not (slug and slug.isascii()) and romaji.is_derived_from_title(slug, title):
                suggested = romaji.romaji_slug(title)
                if suggested:
                    self.cleaned_data["slug"] = self.unused_slug(suggested)
            if not self.cleaned_data.get("slug") and "slug" not in self.errors:
                self.add_error("slug", self.fields["slug"].error_messages["required"])
        return super().clean()

    def unused_slug(self, slug):
        """`slug`, or slug-2, slug-3… when a sibling already has it."""
        candidate, suffix = slug, 1
        while self.parent_page is not None and not Page._slug_is_available(candidate, self.parent_page, self.instance):
            suffix += 1
            candidate = f"{slug}-{suffix}"
        return candidate
