"""Every test builds its content here, the way an editor would in the admin."""

import time
import uuid
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.links import ArticleAuthor, ArticleCategory, ArticleTag
from blog.models import ArticlePage, BlogIndexPage
from blog.snippets import Author, Category
from blog.video import parse_youtube
from contact.models import ContactFormField, ContactFormPage, default_form_fields
from contact.spam import started_token
from home.models import HomePage
from review.workflow import act_on_review, submit_for_review


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"画像{n}")
    description = factory.Sequence(lambda n: f"説明{n}")
    file = factory.LazyFunction(get_test_image_file)


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"著者{n}")
    name_kana = factory.Sequence(lambda n: f"ちょしゃ{n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    job_title = "理学療法士"
    clinic = "テスト整体院"
    area = "神奈川県藤沢市"
    bio = "膝と腰の痛みを専門にしています。"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"カテゴリー{n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = "カテゴリーの説明です。"
    sort_order = factory.Sequence(int)


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def video_block(url="https://youtu.be/M7lc1UVf-VE?t=90", title="太もも内側のストレッチ", caption="", thumbnail=None):
    """A video block as the admin stores it: the pasted link becomes an ID and a start second."""
    video = parse_youtube(url)
    return block(
        "video",
        {
            "video": {"video_id": video.video_id, "start": video.start},
            "title": title,
            "caption": caption,
            "thumbnail": thumbnail,
        },
    )


def sample_body(image=None):
    """One of every body block, as an editor would fill them in."""
    body = [
        block("heading", {"level": "h2", "text": "膝の内側が痛む原因", "anchor": ""}),
        block("paragraph", "<p>鵞足の周りの筋肉が<b>硬く</b>なると痛みます。</p>"),
        block("heading", {"level": "h3", "text": "歩き方のくせ", "anchor": "walking"}),
        block("checklist", {"title": "こんな症状はありませんか？", "items": ["押すと痛い", "曲げると痛い"]}),
        block("steps", {"title": "ストレッチ", "steps": [{"title": "椅子に座る", "text": "背すじを伸ばします。"}]}),
        block("note", {"kind": "caution", "title": "注意", "text": "<p>腫れているときは受診を。</p>"}),
        block("quote", {"quote": "楽になりました。", "source": "60代・女性"}),
    ]
    if image is not None:
        body.append(
            block(
                "figure",
                {"image": {"image": image.pk, "alt_text": "膝の図", "decorative": False}, "caption": "膝の内側"},
            )
        )
    return body


def theme_blocks_body(*, author=None, icon=None, page=None):
    """One of every theme block (吹き出し, よくある質問, ブログカード, 表, ボタン,
    トグル, タイムライン), in the raw shapes the WordPress importer writes."""
    return [
        block("balloon", {"author": author.pk if author else None, "speaker_name": "" if author else "院長",
                          "speaker_icon": None, "position": "left", "text": "<p>今日はどこが痛みますか？</p>"}),
        block("balloon", {"author": None, "speaker_name": "患者さん", "speaker_icon": icon.pk if icon else None,
                          "position": "right", "text": "<p>朝、腰が重いんです。</p>"}),
        block("faq", {"title": "よくある質問", "items": [
            {"question": "保険は使えますか？", "answer": "<p>整体は<b>自費</b>です。</p>"},
            {"question": "駐車場はありますか？", "answer": "<p>2台分あります。</p>"},
        ]}),
        block("blog_card", {"page": page.pk if page else None, "url": "" if page else "https://example.com/",
                            "title": "" if page else "外部の記事", "description": ""}),
        block("table", {"data": [["メニュー", "料金"], ["整体", "5,500円"], ["初診料", "1,100円"]],
                        "first_row_is_table_header": True, "first_col_is_header": True,
                        "table_caption": "料金表", "mergeCells": [], "cell": []}),
        block("button", {"label": "電話で予約", "page": None, "url": "tel:0466-00-0000", "style": "primary"}),
        block("toggle", {"title": "キャンセルについて", "body": "<p>前日までにご連絡ください。</p>"}),
        block("timeline", {"title": "施術の流れ", "items": [
            {"label": "1", "title": "問診", "text": "<p>お話をうかがいます。</p>"},
            {"label": "", "title": "施術", "text": "<p>40分ほどです。</p>"},
        ]}),
        block("note", {"kind": "memo", "title": "メモ書き", "text": "<p>タオルは院にあります。</p>"}),
    ]


def paragraphs(*texts):
    """A body of plain paragraphs, for tests about what the text says."""
    return [block("paragraph", f"<p>{text}</p>") for text in texts]


def make_site():
    """Home at the site root and the blog under it, as `make demo` builds them."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title="ホーム", slug="home"))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.save()
    blog = home.add_child(instance=BlogIndexPage(title="ブログ", slug="blog"))
    return home, blog


_article_numbers = iter(range(1, 10**9))


def make_article(
    blog, *, title=None, slug=None, authors=None, categories=None, tags=(), publish=True, published_at=None, **fields
):
    """An article under the blog with its authors, categories and tags.

    publish=False leaves it a draft, exactly as "下書き保存" in the admin does.
    published_at backdates its first (and last) publication.
    """
    n = next(_article_numbers)
    article = ArticlePage(
        title=title or f"テスト記事{n}",
        slug=slug or f"article-{n}",
        lead=fields.pop("lead", "膝の内側の痛みについてのリード文です。"),
        body=fields.pop("body", sample_body()),
        first_published_at=published_at,
        **fields,
    )
    article.article_authors = [ArticleAuthor(author=a) for a in (authors or [AuthorFactory()])]
    article.article_categories = [ArticleCategory(category=c) for c in (categories or [CategoryFactory()])]
    if tags:
        article.tags.add(*tags)
    if publish:
        blog.add_child(instance=article)
        article.save_revision().publish()
    else:
        article.live = False
        blog.add_child(instance=article)
        article.save_revision()
    if published_at is not None:
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published_at, last_published_at=published_at)
    article.refresh_from_db()
    return article


def approve_review(article, reviewer_user=None, requested_by=None):
    """The article goes through its 監修 and its reviewer approves it, as in
    the admin: submitted by `requested_by` (a writer made for it by default),
    approved by the reviewer's own login (made and linked if they have none).
    Their approval publishes the article's latest revision."""
    User = get_user_model()
    reviewer = article.reviewer
    if reviewer_user is None:
        reviewer_user = reviewer.user or User.objects.create_user(f"reviewer-{reviewer.pk}", f"r{reviewer.pk}@example.com")
    if reviewer.user_id != reviewer_user.pk:
        Author.objects.filter(pk=reviewer.pk).update(user=reviewer_user)
    requested_by = requested_by or User.objects.create_user(f"writer-{uuid.uuid4().hex[:8]}", "")
    submit_for_review(article, requested_by)
    act_on_review(article, reviewer_user, "approve")
    article.refresh_from_db()
    return article


def make_hidden_articles(blog, **fields):
    """One article a reader may not see for each reason: a draft, a private
    (login-only) one, one scheduled for tomorrow and one expired yesterday.

    The scheduled and expired ones are left live, as they are between two
    runs of publish_scheduled, so only ArticlePage.readable() keeps them out."""
    now = timezone.now()
    hidden = {
        "draft": make_article(blog, title="下書きの記事", publish=False, **fields),
        "private": make_article(blog, title="限定公開の記事", **fields),
        "scheduled": make_article(blog, title="予約公開の記事", **fields),
        "expired": make_article(blog, title="公開終了の記事", **fields),
    }
    PageViewRestriction.objects.create(page=hidden["private"], restriction_type=PageViewRestriction.LOGIN)
    ArticlePage.objects.filter(pk=hidden["scheduled"].pk).update(go_live_at=now + timedelta(days=1))
    ArticlePage.objects.filter(pk=hidden["expired"].pk).update(expire_at=now - timedelta(days=1))
    return hidden


def make_articles(blog, count, *, authors, categories, tags=(), images=()):
    """Many published articles, quickly: what query-count tests and the
    page benchmark measure against (10,000 in seconds).

    The rows go in in bulk, as a migration would write them: no revisions
    (readers never see those), no signals, so nothing is purged or indexed
    for search. They share the given authors, images and categories
    round-robin, two categories each, one article a day up to now.
    """
    blog.refresh_from_db()
    last = blog.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    start = timezone.now() - timedelta(days=count)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    pages = []
    for i in range(count):
        n = next(_article_numbers)
        published = start + timedelta(days=i)
        pages.append(
            Page(
                title=f"テスト記事{n}",
                draft_title=f"テスト記事{n}",
                slug=f"article-{n}",
                path=Page._get_path(blog.path, blog.depth + 1, first_step + i),
                depth=blog.depth + 1,
                numchild=0,
                url_path=f"{blog.url_path}article-{n}/",
                content_type=content_type,
                locale_id=blog.locale_id,
                live=True,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    articles = []
    for i, page in enumerate(pages):
        image = images[i % len(images)] if images else None
        article = ArticlePage(page_ptr_id=page.pk, lead="膝の内側の痛みについてのリード文です。", body=sample_body(image))
        article.hero_image = image
        articles.append(article)
    local_fields = ArticlePage._meta.local_concrete_fields
    for chunk in range(0, count, 500):  # the model has parents: bulk_create refuses it, the insert does not
        ArticlePage._base_manager._insert(articles[chunk : chunk + 500], fields=local_fields)
    ArticleAuthor.objects.bulk_create(
        [ArticleAuthor(page_id=page.pk, author=authors[i % len(authors)], sort_order=0) for i, page in enumerate(pages)],
        batch_size=1000,
    )
    ArticleCategory.objects.bulk_create(
        [
            ArticleCategory(page_id=page.pk, category=categories[(i + k) % len(categories)], sort_order=k)
            for i, page in enumerate(pages)
            for k in range(min(2, len(categories)))
        ],
        batch_size=1000,
    )
    tag_rows = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in tags]
    ArticleTag.objects.bulk_create(
        [ArticleTag(content_object_id=page.pk, tag=tag) for page in pages for tag in tag_rows], batch_size=1000
    )
    Page.objects.filter(pk=blog.pk).update(numchild=blog.numchild + count)
    blog.refresh_from_db()
    return list(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]).order_by("path"))


# --- The article editor's form ---------------------------------------------------------------


def article_form_data(
    article=None,
    *,
    title="膝の内側が痛くて歩けない原因",
    slug="knee-inside",
    lead="膝の内側が痛むときのリード文です。",
    body=(("paragraph", rich_text("<p>本文です。</p>")),),
    authors=(),
    categories=(),
    tags="",
    **fields,
):
    """The POST data of the Wagtail article editor, filled in as a practitioner
    would: `body` is a list of (block type, value) pairs. With `article`, the
    edit form of that article: its title, slug and lead, and its saved author
    and category rows (with their ids) unless others are given. Any other
    form field (reviewer, action-publish…) goes in `fields`."""
    author_rows = [{"author": author.pk, "id": ""} for author in authors]
    category_rows = [{"category": category.pk, "id": ""} for category in categories]
    initial = {"article_authors": 0, "article_categories": 0}
    if article is not None:
        title, slug, lead = fields.pop("title", article.title), fields.pop("slug", article.slug), fields.pop("lead", article.lead)
        if not authors:
            author_rows = [{"author": link.author_id, "id": link.pk} for link in article.article_authors.order_by("sort_order")]
            initial["article_authors"] = len(author_rows)
        if not categories:
            category_rows = [
                {"category": link.category_id, "id": link.pk} for link in article.article_categories.order_by("sort_order")
            ]
            initial["article_categories"] = len(category_rows)
    data = {
        "title": title,
        "slug": slug,
        "lead": lead,
        "hero_image": "",
        "body": streamfield(list(body)),
        "article_authors": inline_formset(author_rows, initial=initial["article_authors"], min=1),
        "article_categories": inline_formset(category_rows, initial=initial["article_categories"], min=1),
        "tags": tags,
        "reviewer": "",
        "content_updated_on": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def publish(data):
    """Form data with the editor's 公開 button pressed."""
    return {**data, "action-publish": "action-publish"}


# --- The contact form (contact/) -----------------------------------------------------------


def make_contact_form(home, *, slug="contact", fields=None, **page_fields):
    """A published お問い合わせフォーム under home with the default fields
    (contact/defaults.py), as an editor leaves them; `fields`, a list of
    ContactFormField values, replaces them."""
    page = ContactFormPage(title="お問い合わせ", slug=slug, **page_fields)
    page.form_fields = [ContactFormField(**field) for field in fields] if fields is not None else default_form_fields()
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def contact_form_data(seconds_ago=30, **overrides):
    """What a reader on a phone types into the default form: full-width
    digits and hyphens in the phone number, a few seconds after opening it."""
    data = {
        "name": "山田 花子",
        "furigana": "やまだ はなこ",
        "phone": "０９０ー１２３４ー５６７８",
        "email": "hanako@example.jp",
        "preferred_times": ["土曜の午前"],
        "message": "右膝の内側が2週間痛みます。土曜の午前に伺えますか",
        "consent": "on",
        "homepage_url": "",
        "form_started": started_token(time.time() - seconds_ago),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
