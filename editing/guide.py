"""The Japanese editor's guide (docs/editor-guide.md), served inside the admin
and linked from its help menu in place of Wagtail's English guide."""

from functools import lru_cache
from pathlib import Path

import markdown
from markdown.extensions.toc import TocExtension, slugify_unicode
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "editor-guide.md"
GUIDE_TITLE = _("編集ガイド")


@lru_cache(maxsize=4)
def _rendered(path, modified):
    # The file ships with the code and is trusted; markdown's "toc" gives each
    # heading an id so the guide's own links (#監修…) land on it. The default
    # slug keeps ASCII only (a Japanese heading became "_2"); slugify_unicode
    # gives the ids GitHub gives the same file, so one set of links works in both.
    toc = TocExtension(slugify=slugify_unicode)
    return markdown.markdown(path.read_text(encoding="utf-8"), extensions=[toc, "tables", "sane_lists"])


def guide_html(path=GUIDE_PATH):
    return mark_safe(_rendered(path, path.stat().st_mtime))


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editing/guide.html"
    page_title = GUIDE_TITLE
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": GUIDE_TITLE}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "guide": guide_html()}
