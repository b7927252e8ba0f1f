import os
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Site, Task, Workflow

from blog.links import ArticleAuthor, ArticleCategory
from blog.models import ArticlePage, BlogIndexPage
from blog.snippets import Author, Category
from blog.video import parse_youtube
from clinic.models import ClinicSettings
from home.models import HomePage
from pages.models import ContentPage
from review.models import ReviewTask
from review.workflow import act_on_review, assign_review_workflow, submit_for_review
from search.index import index_articles

from . import content, pages
from .contact_form import ensure_contact_pages
from .images import demo_image, draw_avatar

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "teate-demo-2026"
# The demo's 監修 doctor logs in with their own account to approve reviews.
REVIEWER_USERNAME = "takahashi"
REVIEWER_PASSWORD = "teate-kanshu-2026"


# Demo articles keep this key when an owner renames them (title or slug),
# so a second run recognises them instead of publishing a duplicate.
DEMO_NAMESPACE = uuid.UUID("5f0c7a52-8d8e-4d1e-9a4c-7465617465de")


def demo_key(slug):
    return uuid.uuid5(DEMO_NAMESPACE, f"article:{slug}")


@transaction.atomic
def load():
    """Add whatever part of the demo is missing. Nothing that exists is
    changed: not a password, not the Site, not the clinic's settings, not
    an author, category or article an owner may have edited since."""
    home = ensure_home()
    blog = ensure_blog(home)
    ensure_clinic(home)
    ensure_contact_pages(home, block)
    authors = {data["slug"]: ensure_author(data) for data in content.AUTHORS}
    categories = {data["slug"]: ensure_category(data) for data in content.CATEGORIES}
    created = [ensure_article(blog, data, authors, categories, index) for index, data in enumerate(content.ARTICLES)]
    created += [ensure_content_page(home, data) for data in pages.PAGES]
    # A database loaded before the search index existed gets it filled here.
    index_articles(ArticlePage.objects.child_of(blog))
    admin = ensure_admin()
    name_wagtail_defaults_in_japanese()
    assign_review_workflow(blog.pk)
    reviewer = ensure_reviewer_login(authors[content.REVIEWER_SLUG])
    approved = approve_demo_reviews(blog)
    return {
        "home": home,
        "blog": blog,
        "created": sum(created),
        "articles": len(content.ARTICLES),
        "admin_created": admin is not None,
        "reviewer_created": reviewer is not None,
        "approved": approved,
    }


def ensure_home():
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a childless placeholder welcome page;
    # the clinic's home replaces it.
    placeholders = [page for page in root.get_children().exact_type(Page) if page.numchild == 0]
    site = Site.objects.filter(is_default_site=True).first()
    fresh_site = site is not None and site.root_page_id in {page.pk for page in placeholders}
    if fresh_site:
        # Still the fresh install's Site: it moves off the placeholder first,
        # or deleting the placeholder would delete the Site with it.
        site.root_page = root
        site.save()
    for placeholder in placeholders:
        placeholder.delete()
    home = root.add_child(instance=HomePage(title=content.HOME["title"], slug="home", intro=content.HOME["intro"]))
    home.save_revision().publish()
    if site is None:
        # Absolute URLs (canonical, feeds, sitemap, og:image) follow the
        # Site, so a new one names the address `make demo` serves.
        Site.objects.create(
            hostname="127.0.0.1", port=demo_port(), root_page=home, is_default_site=True,
            site_name=content.CLINIC["clinic_name"],
        )
    elif fresh_site:
        # Only Wagtail's untouched localhost:80 becomes the demo's address.
        site.root_page = home
        if (site.hostname, site.port) == ("localhost", 80):
            site.hostname, site.port = "127.0.0.1", demo_port()
        site.site_name = site.site_name or content.CLINIC["clinic_name"]
        site.save()
    return home


def demo_port():
    return int(os.environ.get("PORT") or 8000)


def ensure_blog(home):
    blog = BlogIndexPage.objects.first()
    if blog is None:
        blog = home.add_child(instance=BlogIndexPage(title="ブログ", slug="blog", intro=content.BLOG_INTRO))
        blog.save_revision().publish()
    return blog


def ensure_clinic(home):
    """The demo clinic, unless the owner has entered anything of their own.
    (Reader pages create a row of defaults on first visit; that one is filled.)"""
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return
    clinic = ClinicSettings.for_site(site)
    if any(getattr(clinic, field) != clinic._meta.get_field(field).get_default() for field in content.CLINIC):
        return
    for field, value in content.CLINIC.items():
        setattr(clinic, field, value)
    clinic.save()


def ensure_author(data):
    """The demo author with this slug, or an author of the same name under
    any slug; created (with a drawn photo) only when there is neither."""
    data = dict(data)
    slug = data.pop("slug")
    existing = Author.objects.filter(slug=slug).first() or Author.objects.filter(name=data["name"]).first()
    if existing:
        return existing
    title, description = data.pop("photo")
    data["photo"] = demo_image(title, description, seed=slug, size=(600, 600))
    return Author.objects.create(slug=slug, **data)


def ensure_category(data):
    """As ensure_author; a category's name is unique too, so an owner's
    膝の痛み under another slug is the demo's 膝の痛み."""
    existing = Category.objects.filter(slug=data["slug"]).first() or Category.objects.filter(name=data["name"]).first()
    return existing or Category.objects.create(**data)


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def demo_page_pk(slug):
    """The demo article (by its key, so an owner's renaming is followed) or
    content page a card or button links to; None once it is gone."""
    page = ArticlePage.objects.filter(translation_key=demo_key(slug)).first()
    page = page or ContentPage.objects.filter(translation_key=demo_key(f"page:{slug}")).first()
    return page.pk if page else None


def theme_block_value(kind, value, authors):
    """A 吹き出し's speaker (an author by slug, or a named speaker with an icon
    drawn here) and a card's or button's page (by slug) as stored pks."""
    if kind == "balloon":
        author = authors.get(value.get("author"))
        icon = value.get("icon")
        return {
            "author": author.pk if author else None,
            "speaker_name": value.get("speaker_name", ""),
            "speaker_icon": demo_image(icon, value["speaker_name"], seed=icon, size=(300, 300), draw=draw_avatar).pk
            if icon else None,
            "position": value["position"],
            "text": value["text"],
        }
    if kind == "blog_card":
        return {"page": demo_page_pk(value["page"]), "url": "", "title": "", "description": ""}
    if kind == "button":
        page = value.get("page")
        return {"page": demo_page_pk(page) if page else None, "url": value.get("url", ""),
                "label": value["label"], "style": value["style"]}
    return value


def build_body(body, authors=None):
    blocks = []
    for kind, value in body:
        value = theme_block_value(kind, value, authors or {})
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
    siblings = ArticlePage.objects.child_of(blog)
    key = demo_key(data["slug"])
    # Loaded by a version without the key: recognised by slug or title.
    if siblings.filter(Q(translation_key=key) | Q(slug=data["slug"]) | Q(title=data["title"])).exists():
        return False
    hero = demo_image(data["hero"][0], data["hero"][1], seed=data["slug"])
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        translation_key=key,
        lead=data["lead"],
        hero_image=hero,
        body=build_body(data["body"], authors),
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


def ensure_content_page(home, data):
    """A demo 固定ページ (料金, よくある質問) under home unless one exists by
    its key, slug or title; returns whether it was created."""
    key = demo_key(f"page:{data['slug']}")
    siblings = ContentPage.objects.child_of(home)
    if siblings.filter(Q(translation_key=key) | Q(slug=data["slug"]) | Q(title=data["title"])).exists():
        return False
    page = ContentPage(title=data["title"], slug=data["slug"], translation_key=key,
                       search_description=data["search_description"], body=build_body(data["body"]))
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def name_wagtail_defaults_in_japanese():
    """Wagtail's migrations store a few English names as data (the root
    page, the moderation workflow); the editor sees them in the admin."""
    Page.objects.filter(depth=1, title="Root").update(title="ルート")
    Workflow.objects.filter(name="Moderators approval").update(name="編集者の承認")
    Task.objects.filter(name="Moderators approval").update(name="編集者の承認")


def ensure_admin():
    """The demo's login, only on a database with no superuser and no `admin`
    yet: its password is printed and public, so it must never be set on an
    account someone already uses. Returns the user it created, or None."""
    User = get_user_model()
    if User.objects.filter(Q(is_superuser=True) | Q(username=ADMIN_USERNAME)).exists():
        return None
    return User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)


def ensure_reviewer_login(doctor):
    """The 監修 doctor's own login, made once: only while their Author has
    no login and no account of that name exists (someone's account is never
    linked, nor its password set). Returns the user it created, or None."""
    User = get_user_model()
    if doctor.user_id is not None or User.objects.filter(username=REVIEWER_USERNAME).exists():
        return None
    user = User.objects.create_user(
        REVIEWER_USERNAME, "takahashi@example.com", REVIEWER_PASSWORD, last_name="高橋", first_name="誠"
    )
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    Author.objects.filter(pk=doctor.pk).update(user=user)
    return user


def approve_demo_reviews(blog):
    """The demo's reviewed articles go through the 監修 workflow and their
    doctor approves them, so the demo shows the real credit. Only a demo
    article whose live text is its latest (an owner's draft is never
    published), not under review already, whose reviewer has a login and
    whose live text is not approved yet. Returns how many were approved."""
    approved = 0
    keys = [demo_key(data["slug"]) for data in content.ARTICLES if "reviewer" in data]
    articles = ArticlePage.objects.child_of(blog).live().filter(translation_key__in=keys, reviewer__user__isnull=False)
    for article in articles.select_related("reviewer__user"):
        workflow = article.get_workflow()
        first_task = workflow.tasks.first() if workflow else None
        if (
            article.has_unpublished_changes
            or article.workflow_in_progress
            or article.review_credit is not None
            or not isinstance(first_task and first_task.specific, ReviewTask)
        ):
            continue
        # Dates ensure_article spread over the past live in the row, not the revision.
        dates = {name: getattr(article, name) for name in ("first_published_at", "last_published_at", "content_updated_on")}
        submit_for_review(article, None)
        act_on_review(article, article.reviewer.user, "approve", comment="内容を確認しました。")
        ArticlePage.objects.filter(pk=article.pk).update(**dates)  # the approval published it again
        approved += 1
    return approved
