"""The blog's pages: the index (with its category, tag and author listings)
and the article itself."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from security.pages import PublicationWindowMixin
from seo.meta import absolute_url

from . import credit, indexes, meta, reading_time, related, toc
from .blocks import ArticleBodyBlock, fill_blank_video_titles
from .feeds import ArticleFeed
from .forms import ArticlePageForm
from .kept import kept
from .links import ArticleTag
from .pagination import paginate
from .panels import RequiredInlinePanel
from .querysets import ArticlePageManager
from .share import share_links
from .snippets import Author, Category

# Path segments the blog index routes itself; an article may not take them.
RESERVED_SLUGS = {"category", "tag", "author", "feed", "page"}


def home_crumb():
    return (_("ホーム"), reverse("wagtail_serve", args=[""]))


class BlogIndexPage(PublicationWindowMixin, RoutablePageMixin, Page):
    """The blog at /blog/: its newest articles, and the category, tag and
    author listings as sub-routes, so they share one URL prefix."""

    intro = RichTextField(_("紹介文"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("ブログ")

    def articles(self):
        """Its readable articles, newest first. A listing's cards come from
        the cache or load what they show ({% article_cards %})."""
        return ArticlePage.objects.child_of(self).readable().newest_first()

    def listing_response(self, request, articles, template, crumb=None, *, credited=False, **context):
        """One page of a listing. A category, tag or author listing
        (credited=True) exists only while a readable article credits its
        subject: one that only drafts (or draft revisions), private, scheduled
        or expired articles use would tell readers what is hidden, so it is a
        404 as they are. Every listing or index of snippets follows this rule,
        as the sitemap does. Its length is kept in the shared cache (paginate)."""
        page = paginate(request, articles, listing=self.pk)
        if credited and not page.paginator.count:
            raise Http404
        crumbs = self.breadcrumbs() + ([crumb] if crumb else [])
        context.update(articles=page, blog_index=self, crumbs=crumbs)
        return self.render(request, template=template, context_overrides=context)

    def route(self, request, path_components):
        """An article in one query, hero image and reviewer joined, its blog
        known (Wagtail reads the page, its specific row, then its parent)."""
        if len(path_components) == 1 and path_components[0] not in RESERVED_SLUGS:
            articles = ArticlePage.objects.child_of(self).select_related("hero_image", "reviewer__photo")
            article = articles.filter(slug=path_components[0]).first()
            if article is not None:
                article.blog_index = article._cached_parent_obj = self
                return article.route(request, [])
        return super().route(request, path_components)

    @path("")
    def index(self, request):
        return self.listing_response(request, self.articles(), "blog/blog_index_page.html")

    @path("category/", name="categories")
    def category_index(self, request):
        crumb = (_("カテゴリー一覧"), self.url + self.reverse_subpage("categories"))
        categories = indexes.kept(self, indexes.categories_with_articles)
        return self.index_response(request, "blog/category_index_page.html", crumb, categories=categories)

    @path("author/", name="authors")
    def author_index(self, request):
        crumb = (_("著者一覧"), self.url + self.reverse_subpage("authors"))
        authors = indexes.kept(self, indexes.credited_authors)
        prefetch_related_objects(authors, "photo__renditions")
        return self.index_response(request, "blog/author_index_page.html", crumb, authors=authors)

    def index_response(self, request, template, crumb, **context):
        context.update(blog_index=self, crumbs=[*self.breadcrumbs(), crumb], index_title=crumb[0])
        return self.render(request, template=template, context_overrides=context)

    @path("category/<str:slug>/", name="category")
    def category(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        articles = self.articles().filter(article_categories__category=category)
        crumb = (category.name, self.subpage_url("category", slug))
        return self.listing_response(request, articles, "blog/category_page.html", crumb, credited=True, category=category)

    @path("tag/<str:slug>/", name="tag")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tagged_items__tag=tag)
        crumb = (f"#{tag.name}", self.subpage_url("tag", slug))
        return self.listing_response(request, articles, "blog/tag_page.html", crumb, credited=True, tag=tag)

    @path("author/<str:slug>/", name="author")
    def author(self, request, slug):
        author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
        # A reviewer (監修) is credited too: every byline links to this page.
        articles = self.articles().crediting(author)
        crumb = (author.name, self.subpage_url("author", slug))
        return self.listing_response(request, articles, "blog/author_page.html", crumb, credited=True, author=author)

    @path("feed/", name="feed")
    def feed(self, request):
        return ArticleFeed()(request, blog=self)

    @path("category/<str:slug>/feed/", name="category_feed")
    def category_feed(self, request, slug):
        if not self.articles().filter(article_categories__category__slug=slug).exists():
            raise Http404  # as the category's own page (listing_response)
        return ArticleFeed()(request, blog=self, category_slug=slug)

    def seo_meta(self, request, context):
        if "index_title" in context:
            return meta.index_meta(request, self, context)
        return meta.listing_meta(request, self, context)

    def subpage_url(self, name, slug):
        return self.url + self.reverse_subpage(name, args=[slug])

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def get_sitemap_urls(self, request=None):
        """The index itself, then each category, tag and author listing that
        has a readable article; a listing's lastmod is its newest article's
        (blog/indexes.py, kept in the shared cache until the next publish)."""
        listings = [
            {"location": absolute_url(request, self.subpage_url(route, slug)), "lastmod": lastmod}
            for route, slug, lastmod in indexes.kept(self, indexes.listing_dates)
        ]
        return super().get_sitemap_urls(request) + sorted(listings, key=lambda entry: entry["location"])

    @classmethod
    def for_request(cls, request):
        """The blog of the site serving `request` (None if it has none),
        looked up once per request: every template's header and footer
        link to it (site_project/context_processors.py), and kept (kept.py)."""
        if not hasattr(request, "_blog_index"):
            site = Site.find_for_request(request)
            find = lambda: cls.objects.live().descendant_of(site.root_page).first()  # noqa: E731
            request._blog_index = kept("blog", find, site.pk) if site else None
        return request._blog_index

    def breadcrumbs(self):
        return [home_crumb(), (self.title, self.url)]


class ArticlePage(PublicationWindowMixin, Page):
    lead = models.TextField(
        _("リード文"),
        max_length=400,
        help_text=_("記事の冒頭に太字で表示し、一覧や検索結果の説明にも使います。"),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("メイン画像"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("画像の「説明」欄が代替テキストになります。"),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("本文"))
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("タグ"))
    reviewer = models.ForeignKey(
        Author,
        verbose_name=_("監修者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text=_("医師など、内容を確認する専門家。この人が承認した本文にだけ「監修」と表示します。"),
    )
    # The reviewer whose approval covers this row's text, kept in step by
    # blog/credit.py (`stamp`, `refresh_stored`) so listings badge it in SQL.
    credited_reviewer = models.ForeignKey(
        Author,
        verbose_name=_("監修の表示"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="credited_articles",
    )
    content_updated_on = models.DateField(
        _("内容を更新した日"),
        null=True,
        blank=True,
        help_text=_(
            "内容を大きく見直したときに入れてください。「最終更新日」として表示します。"
            "誤字の修正などは更新に含めません。"
        ),
    )

    objects = ArticlePageManager()

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                RequiredInlinePanel(
                    "article_authors", label=_("著者"), min_num=1, too_few_message=_("著者を1人以上選んでください。")
                ),
                RequiredInlinePanel(
                    "article_categories",
                    label=_("カテゴリー"),
                    min_num=1,
                    too_few_message=_("カテゴリーを1つ以上選んでください。"),
                ),
                FieldPanel("tags"),
                FieldPanel("reviewer"),
            ],
            heading=_("著者・分類"),
        ),
        FieldPanel("content_updated_on"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = _("記事")
        verbose_name_plural = _("記事")

    def save(self, *args, **kwargs):
        kwargs["update_fields"] = credit.stamp(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        fill_blank_video_titles(self.body, self.title)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("「%(slug)s」はブログのURLで使われているため使えません。") % {"slug": self.slug}}
            )
        first = self.first_published_at
        if self.content_updated_on and first and self.content_updated_on < timezone.localdate(first):
            raise ValidationError(
                {"content_updated_on": _("内容を更新した日は、公開日（%(date)s）より後の日付にしてください。")
                 % {"date": formats.date_format(timezone.localdate(first))}}
            )

    # Ordered relations, read once per request: cards prefetch them
    # (for_listing, prefetch_cards); one article reads them here, targets joined.
    def _linked(self, relation, target, *joins):
        manager = getattr(self, relation)
        if relation in getattr(self, "_prefetched_objects_cache", {}):
            links = manager.all()
        else:
            links = manager.select_related(target, *joins).order_by("sort_order")
        return [getattr(link, target) for link in links]

    @cached_property
    def authors(self):
        # The author box shows each photo: join them, or each author costs a query.
        return self._linked("article_authors", "author", "author__photo")

    @cached_property
    def categories(self):
        return self._linked("article_categories", "category")

    @property
    def primary_category(self):
        """The first category: the one breadcrumbs and related articles follow."""
        return self.categories[0] if self.categories else None

    @property
    def published_date(self):
        return self.first_published_at or self.latest_revision_created_at

    @property
    def updated_date(self):
        """最終更新日: the day the editor says the content was meaningfully
        revised, when that is after publication. Republishing alone never
        sets it: on health advice a fresh date claims the text was checked
        again, and a typo fix is no such check."""
        updated = self.content_updated_on
        published = self.published_date
        if updated and (published is None or updated > timezone.localdate(published)):
            return updated
        return None

    @cached_property
    def review_credit(self):
        """The 監修 credit readers see, or None (blog/credit.py)."""
        return credit.review_credit(self)

    @property
    def reviewed_by(self):
        """The reviewer shown with the byline, in the box and as reviewedBy."""
        return self.review_credit.reviewer if self.review_credit else None

    @cached_property
    def first_body_image(self):
        """The first figure's picture: what a share card shows when the
        article has no メイン画像."""
        for block in self.body:
            if block.block_type == "figure":
                return block.value["image"]
        return None

    @cached_property
    def table_of_contents(self):
        return toc.table_of_contents(self.body)

    @cached_property
    def reading_minutes(self):
        return reading_time.reading_minutes(self.lead, self.body)

    def readable_siblings(self):
        """The other articles of the same blog a reader may see. Building it
        looks up view restrictions (one query), so the page builds it once
        for related articles and previous/next."""
        return ArticlePage.objects.readable().sibling_of(self, inclusive=False).defer_streamfields()

    @cached_property
    def _readable_siblings(self):
        return self.readable_siblings()

    @cached_property
    def related_articles(self):
        return related.related_articles(self, self._readable_siblings)

    @cached_property
    def adjacent_articles(self):
        """(previous, next) article by publication date; either may be None."""
        return related.adjacent_articles(self, self._readable_siblings)

    @cached_property
    def blog_index(self):
        return BlogIndexPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog_index"] = self.blog_index
        context["share_url"] = self.get_full_url(request)
        context["share_links"] = share_links(context["share_url"], self.title)
        return context

    def seo_meta(self, request, context):
        """The head's values and JSON-LD, made from what the article's own
        content shows: kept as long as that content (kept.py)."""
        compute = lambda: meta.article_meta(request, self)  # noqa: E731
        return kept("article-meta", compute, request.get_host(), self.pk, request=request, page=self)

    def get_sitemap_urls(self, request=None):
        # The sitemap lists live, public pages; an article is only in it
        # inside its publication window as well (the rule of readable()).
        now = timezone.now()
        if (self.go_live_at and self.go_live_at > now) or (self.expire_at and self.expire_at <= now):
            return []
        return super().get_sitemap_urls(request)

    def breadcrumbs(self):
        """ホーム › ブログ › primary category › this article."""
        blog = self.blog_index
        crumbs = [home_crumb(), (blog.title, blog.url)]
        if self.primary_category:
            crumbs.append((self.primary_category.name, blog.subpage_url("category", self.primary_category.slug)))
        crumbs.append((self.title, self.url))
        return crumbs
