import os
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site, Task, Workflow

from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage, BlogIndexPage
from blog.snippets import Author, Category
from blog.video import parse_youtube
from clinic.models import ClinicSettings
from home.models import HomePage
from search.index import index_articles

from . import content
from .images import demo_image

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "teate-demo-2026"


@transaction.atomic
def load():
    home = ensure_home()
    blog = ensure_blog(home)
    ensure_clinic(home)
    authors = {data["slug"]: ensure_author(data) for data in content.AUTHORS}
    categories = {c["slug"]: Category.objects.update_or_create(slug=c["slug"], defaults=c)[0] for c in content.CATEGORIES}
    created = [ensure_article(blog, data, authors, categories, index) for index, data in enumerate(content.ARTICLES)]
    # A database loaded before the search index existed gets it filled here.
    index_articles(ArticlePage.objects.child_of(blog))
    ensure_admin()
    name_wagtail_defaults_in_japanese()
    return {"home": home, "blog": blog, "created": sum(created), "articles": len(content.ARTICLES)}


def ensure_home():
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a placeholder welcome page; the clinic's home replaces it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(instance=HomePage(title=content.HOME["title"], slug="home", intro=content.HOME["intro"]))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # Absolute URLs (canonical, feeds, sitemap, og:image) follow the Site, so
    # it names the address `make demo` serves.
    site.hostname, site.port, site.root_page = "127.0.0.1", int(os.environ.get("PORT") or 8000), home
    site.site_name = content.CLINIC["clinic_name"]
    site.save()
    return home


def ensure_blog(home):
    blog = BlogIndexPage.objects.first()
    if blog is None:
        blog = home.add_child(instance=BlogIndexPage(title="ブログ", slug="blog", intro=content.BLOG_INTRO))
        blog.save_revision().publish()
    return blog


def ensure_clinic(home):
    site = Site.objects.get(root_page=home)
    ClinicSettings.objects.update_or_create(site=site, defaults=content.CLINIC)


def ensure_author(data):
    data = dict(data)
    title, description = data.pop("photo")
    data["photo"] = demo_image(title, description, seed=data["slug"], size=(600, 600))
    return Author.objects.update_or_create(slug=data.pop("slug"), defaults=data)[0]


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def build_body(body):
    blocks = []
    for kind, value in body:
        if kind == "figure":
            image = demo_image(value["image"], value["alt"], seed=value["image"])
            value = {
                "image": {"image": image.pk, "alt_text": value["alt"], "decorative": False},
                "caption": value.get("caption", ""),
            }
        if kind == "video":
            video = parse_youtube(value["video"])
            # A thumbnail drawn here: the demo must look right with no network,
            # where YouTube's own thumbnail image cannot load.
            thumbnail = demo_image(f"デモ：動画サムネイル {video.video_id}", value["title"], seed=video.video_id, size=(1280, 720))
            value = {"caption": "", "thumbnail": thumbnail.pk, **value, "video": {"video_id": video.video_id, "start": video.start}}
        blocks.append(block(kind, value))
    return blocks


def ensure_article(blog, data, authors, categories, index):
    """Create one article unless it exists; returns whether it was created.

    An article without an "authors" key is credited to the first author."""
    if ArticlePage.objects.child_of(blog).filter(slug=data["slug"]).exists():
        return False
    hero = demo_image(data["hero"][0], data["hero"][1], seed=data["slug"])
    article = ArticlePage(
        title=data["title"], slug=data["slug"], lead=data["lead"], hero_image=hero, body=build_body(data["body"])
    )
    author_slugs = data.get("authors", [content.AUTHORS[0]["slug"]])
    article.article_authors = [ArticleAuthor(author=authors[slug]) for slug in author_slugs]
    article.article_categories = [ArticleCategory(category=categories[slug]) for slug in data["categories"]]
    article.tags.add(*data["tags"])
    if "reviewer" in data:
        article.reviewer = authors[data["reviewer"]]
    blog.add_child(instance=article)
    article.save_revision().publish()
    # Spread the demo over the past weeks so listings look like a living blog.
    published = timezone.now() - timedelta(days=data.get("days_ago", index * 6 + 1))
    updated = timezone.now() - timedelta(days=data["updated_days_ago"]) if "updated_days_ago" in data else published
    revised_on = timezone.localdate(updated) if "updated_days_ago" in data else None  # shown as 最終更新日
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published, last_published_at=updated, content_updated_on=revised_on
    )
    return True


def name_wagtail_defaults_in_japanese():
    """Wagtail's migrations store a few English names as data (the root
    page, the moderation workflow); the editor sees them in the admin."""
    Page.objects.filter(depth=1, title="Root").update(title="ルート")
    Workflow.objects.filter(name="Moderators approval").update(name="編集者の承認")
    Task.objects.filter(name="Moderators approval").update(name="編集者の承認")


def ensure_admin():
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=ADMIN_USERNAME, defaults={"email": "admin@example.com"})
    user.is_staff = user.is_superuser = True
    user.set_password(ADMIN_PASSWORD)
    user.save()
    return user
