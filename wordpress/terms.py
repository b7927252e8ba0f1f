"""Authors, categories and tags: created once, found again on the next run."""

from urllib.parse import unquote

from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from blog.snippets import Author, Category

from .wxr import Term

UNCATEGORIZED = ("uncategorized", "未分類")
NO_AUTHOR = "(no author)"


def decode_slug(raw, fallback=""):
    """WordPress stores Japanese slugs percent-encoded; Teate keeps them as
    text. Anything a slug may not contain is dropped."""
    text = unquote(raw or "").strip()
    slug = slugify(text, allow_unicode=True) if text else ""
    if not slug and fallback:
        slug = slugify(fallback, allow_unicode=True)
    return slug


def unique_value(model, field, value, max_length, exclude_pk=None):
    candidate = value[:max_length]
    n = 1
    while True:
        query = model.objects.filter(**{field: candidate})
        if exclude_pk is not None:
            query = query.exclude(pk=exclude_pk)
        if not query.exists():
            return candidate
        n += 1
        suffix = f"-{n}"
        candidate = value[: max_length - len(suffix)] + suffix


class Terms:
    def __init__(self, records, authors, report):
        self.records = records
        self.authors = authors  # login → wxr.Author from the channel (scan.Scan.authors)
        self.report = report

    def author(self, login):
        login = (login or "").strip()
        key = login or NO_AUTHOR
        existing = self.records.get("author", key)
        if existing is not None:
            return existing
        source = self.authors.get(login)
        name = (source.display_name if source else "") or login or _("編集部")
        slug = decode_slug(login, fallback=name) or "author"
        author = Author.objects.create(
            name=name[:100],
            slug=unique_value(Author, "slug", slug, 100),
        )
        self.records.set("author", key, author)
        self.report.count("author", "created")
        return author

    def category(self, term):
        existing = self.records.get("category", term.slug or term.name)
        if existing is not None:
            return existing
        name = (term.name or unquote(term.slug)).strip()[:80] or UNCATEGORIZED[1]
        slug = decode_slug(term.slug, fallback=name)[:80] or "category"
        category = Category.objects.filter(name=name).first() or Category.objects.filter(slug=slug).first()
        if category is None or (category.name != name and Category.objects.filter(name=name).exists()):
            category = Category.objects.create(
                name=name, slug=unique_value(Category, "slug", slug, 80), description=term.description
            )
            self.report.count("category", "created")
        self.records.set("category", term.slug or term.name, category)
        return category

    def uncategorized(self):
        return self.category(Term("category", UNCATEGORIZED[0], UNCATEGORIZED[1]))

    def tag(self, term):
        existing = self.records.get("tag", term.slug or term.name)
        if existing is not None:
            return existing
        name = (term.name or unquote(term.slug)).strip()[:100]
        if not name:
            return None
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            slug = decode_slug(term.slug, fallback=name) or "tag"
            tag = Tag.objects.create(name=name, slug=unique_value(Tag, "slug", slug, 100))
            self.report.count("tag", "created")
        self.records.set("tag", term.slug or term.name, tag)
        return tag
