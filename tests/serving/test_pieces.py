"""What is kept under tags between renderings (serving/pieces.py) is fresh
at once after the change that alters it, with the page cache off so that
every page is rendered: the counts over every readable article (a
listing's length, home's and the indexes' counts, the sitemap index) and an
article's own content."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from blog.links import ArticleCategory
from blog.sitemaps import ArticleSitemap
from serving import pieces, tags, tokens
from tests.factories import AuthorFactory, CategoryFactory, approve_review, block, make_article, paragraphs
from tests.html import reader_html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def byline(db):
    """An author and a category made before anything is cached: creating one
    purges every page (`site`), which would hide a stale count."""
    return {"authors": [AuthorFactory()], "categories": [CategoryFactory(slug="knee")]}


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def count_on(html, name):
    """The count shown beside a category or author's name in a list."""
    found = re.search(re.escape(name) + r".*?(\d+)件", html, re.S)
    return int(found.group(1)) if found else None


def test_a_value_is_computed_once_until_one_of_its_tags_is_purged():
    computed = []
    key = pieces.key("test", 1)

    def compute():
        computed.append(1)
        return len(computed)

    assert pieces.remember(key, [tags.ARTICLES, tags.SITE], compute) == 1
    assert pieces.remember(key, [tags.ARTICLES, tags.SITE], compute) == 1
    tokens.purge([tags.ARTICLES])
    assert pieces.remember(key, [tags.ARTICLES, tags.SITE], compute) == 2


def test_a_value_made_while_its_tag_was_purged_is_not_kept():
    key = pieces.key("test", 2)

    def compute_during_a_publish():
        tokens.purge([tags.ARTICLES])  # another worker publishes meanwhile
        return "old"

    assert pieces.remember(key, [tags.ARTICLES], compute_during_a_publish) == "old"
    assert pieces.remember(key, [tags.ARTICLES], lambda: "new") == "new"


def test_a_cache_each_process_keeps_to_itself_keeps_nothing(settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.SERVING_ALLOW_LOCAL_CACHE = False  # as in production, which refuses such a cache for pages
    key = pieces.key("test", 3)
    pieces.remember(key, [tags.SITE], lambda: "first")
    assert pieces.remember(key, [tags.SITE], lambda: "second") == "second"


def test_a_listing_gains_its_next_page_when_an_article_is_published(client, blog, settings, byline):
    settings.BLOG_PAGE_SIZE = 2
    for n in (3, 2):
        make_article(blog, published_at=days_ago(n), **byline)
    for url in ("/blog/?page=2", "/blog/category/knee/?page=2"):
        assert client.get(url).status_code == 404

    make_article(blog, title="三本目の記事", published_at=days_ago(1), **byline)

    for url in ("/blog/?page=2", "/blog/category/knee/?page=2"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "三本目の記事" not in reader_html(response)  # the newest is on page 1; page 2 holds the oldest


def test_a_listing_loses_its_last_page_when_an_article_is_unpublished(client, blog, settings, byline):
    settings.BLOG_PAGE_SIZE = 2
    articles = [make_article(blog, published_at=days_ago(n), **byline) for n in (3, 2, 1)]
    assert client.get("/blog/?page=2").status_code == 200

    articles[0].unpublish()

    assert client.get("/blog/?page=2").status_code == 404


def test_counts_on_home_and_the_indexes_follow_publishing(client, blog):
    category = CategoryFactory(name="足首の不調", slug="knee")
    author = AuthorFactory(name="山田はるか", slug="yamada")
    first = make_article(blog, categories=[category], authors=[author], published_at=days_ago(2))
    assert count_on(reader_html(client.get("/")), "足首の不調") == 1
    assert count_on(reader_html(client.get("/blog/category/")), "足首の不調") == 1
    assert count_on(reader_html(client.get("/blog/author/")), "山田はるか") == 1

    second = make_article(blog, categories=[category], authors=[author], published_at=days_ago(1))

    assert count_on(reader_html(client.get("/")), "足首の不調") == 2
    assert count_on(reader_html(client.get("/blog/category/")), "足首の不調") == 2
    assert count_on(reader_html(client.get("/blog/author/")), "山田はるか") == 2

    second.unpublish()
    first.unpublish()

    assert "足首の不調" not in reader_html(client.get("/"))
    assert "足首の不調" not in reader_html(client.get("/blog/category/"))
    assert "山田はるか" not in reader_html(client.get("/blog/author/"))


def test_a_renamed_category_shows_on_home_and_the_index_at_once(client, blog):
    category = CategoryFactory(name="足首の不調")
    make_article(blog, categories=[category])
    assert "足首の不調" in reader_html(client.get("/"))

    category.name = "あしくびの不調"
    category.save()

    for url in ("/", "/blog/category/"):
        html = reader_html(client.get(url))
        assert "あしくびの不調" in html and "足首の不調" not in html, url


def sitemap_parts(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text.rsplit("/", 1)[-1]: entry.findtext("sm:lastmod", namespaces=ns)
            for entry in root.findall("sm:sitemap", ns) for loc in entry.findall("sm:loc", ns)}


def test_the_sitemap_index_lists_a_new_part_and_date_when_an_article_is_published(client, blog, monkeypatch, byline):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    for n in (5, 4):
        make_article(blog, published_at=days_ago(n), **byline)
    before = sitemap_parts(client)
    assert "sitemap-articles.xml?p=2" not in before

    make_article(blog, slug="newest", **byline)

    after = sitemap_parts(client)
    assert "sitemap-articles.xml?p=2" in after
    assert after["sitemap-articles.xml"] > before["sitemap-articles.xml"]
    assert "/blog/newest/" in client.get("/sitemap-articles.xml?p=2").content.decode()


def body_with(text):
    return paragraphs(text) + [block("heading", {"level": "h2", "text": "まとめ", "anchor": ""})]


def test_an_article_republished_shows_its_new_content_at_once(client, blog, byline):
    article = make_article(blog, body=body_with("最初に書いた本文です。"), lead="最初のリード文。", **byline)
    assert "最初に書いた本文です。" in reader_html(client.get(article.url))

    article.body = body_with("書き直した本文です。")
    article.lead = "書き直したリード文。"
    article.save_revision().publish()

    html = reader_html(client.get(article.url))
    assert "書き直した本文です。" in html and "書き直したリード文。" in html
    assert "最初に書いた本文です。" not in html


def test_a_draft_revision_does_not_reach_readers_and_its_preview_shows_it(admin_client, client, blog):
    article = make_article(blog, body=body_with("公開中の本文です。"))
    client.get(article.url)  # the live content is now kept

    article.body = body_with("下書きの本文です。")
    article.save_revision()  # saved, not published

    html = reader_html(client.get(article.url))
    assert "公開中の本文です。" in html and "下書きの本文です。" not in html
    preview = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert preview.status_code == 200
    assert "下書きの本文です。" in preview.content.decode()


def test_an_author_edited_shows_in_the_article_author_box_at_once(client, blog):
    author = AuthorFactory(name="山田はるか", bio="膝の痛みを専門に診ています。")
    article = make_article(blog, authors=[author])
    assert "膝の痛みを専門に診ています。" in reader_html(client.get(article.url))

    author.bio = "腰痛と膝の痛みを専門に診ています。"
    author.save()

    assert "腰痛と膝の痛みを専門に診ています。" in reader_html(client.get(article.url))


def test_the_call_to_book_follows_the_clinic_settings_at_once(client, clinic, blog):
    article = make_article(blog)
    assert "ひとりで悩まずご相談ください" in reader_html(client.get(article.url))

    clinic.cta_heading = "お気軽にご予約ください"
    clinic.save()

    html = reader_html(client.get(article.url))
    assert "お気軽にご予約ください" in html and "ひとりで悩まずご相談ください" not in html


def test_an_article_republished_shows_its_new_head_and_json_ld_at_once(client, blog, byline):
    article = make_article(blog, title="最初のタイトル", **byline)
    assert "<title>最初のタイトル" in client.get(article.url).content.decode()

    article.title = "書き直したタイトル"
    article.search_description = "書き直した説明文です。"
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "<title>書き直したタイトル" in html
    assert '"headline": "書き直したタイトル"' in html
    assert 'content="書き直した説明文です。"' in html
    assert "最初のタイトル" not in html


def test_an_author_renamed_shows_in_the_article_json_ld_at_once(client, blog):
    author = AuthorFactory(name="山田はるか")
    article = make_article(blog, authors=[author])
    assert '"name": "山田はるか"' in client.get(article.url).content.decode()

    author.name = "佐藤はるか"
    author.save()

    html = client.get(article.url).content.decode()
    assert '"name": "佐藤はるか"' in html and "山田はるか" not in html


def test_a_draft_title_shows_in_the_preview_head_only(admin_client, client, blog, byline):
    article = make_article(blog, title="公開中のタイトル", **byline)
    client.get(article.url)

    article.title = "下書きのタイトル"
    article.save_revision()

    assert "<title>公開中のタイトル" in client.get(article.url).content.decode()
    assert "<title>下書きのタイトル" in admin_client.get(f"/admin/pages/{article.pk}/view_draft/").content.decode()


def test_the_blog_moved_to_a_new_slug_is_found_there_at_once(client, blog, byline):
    make_article(blog, slug="knee-care", **byline)
    assert client.get("/blog/knee-care/").status_code == 200

    blog.slug = "column"
    blog.save_revision().publish()

    assert client.get("/column/knee-care/").status_code == 200
    assert client.get("/blog/knee-care/").status_code == 404
    assert 'href="/column/"' in reader_html(client.get("/"))


def test_a_card_retitled_changes_in_every_listing_at_once(client, blog, byline):
    article = make_article(blog, title="最初の見出し", tags=["膝"], **byline)
    listings = ["/", "/blog/", "/blog/category/knee/", "/blog/tag/膝/", f"/blog/author/{byline['authors'][0].slug}/"]
    for url in listings:
        assert "最初の見出し" in reader_html(client.get(url)), url

    article.title = "書き直した見出し"
    article.save_revision().publish()

    for url in listings:
        html = reader_html(client.get(url))
        assert "書き直した見出し" in html and "最初の見出し" not in html, url


def test_a_reviewer_card_carries_its_badge_only_on_the_reviewer_listing(client, blog, byline):
    reviewer = AuthorFactory(slug="doctor")
    approve_review(make_article(blog, title="監修した記事", reviewer=reviewer, **byline))
    assert "card__role" not in reader_html(client.get("/blog/"))  # cached first without the badge

    html = reader_html(client.get("/blog/author/doctor/"))

    assert "監修した記事" in html and "card__role" in html
    assert "card__role" not in reader_html(client.get("/blog/"))


def test_cards_of_other_articles_stay_kept_when_one_is_published(client, blog, byline, django_assert_num_queries):
    for n in (3, 2):
        make_article(blog, published_at=days_ago(n), **byline)
    client.get("/blog/")

    make_article(blog, title="新しく公開した記事", **byline)

    # view restrictions (2), the listing's count (a publish renews it) and
    # rows, and the new card's renditions, categories and authors
    with django_assert_num_queries(7):
        html = reader_html(client.get("/blog/"))
    assert "新しく公開した記事" in html and html.count('class="card"') == 3


def test_an_article_moved_to_another_category_shows_it_in_its_breadcrumbs_at_once(client, blog, byline):
    article = make_article(blog, **byline)
    assert "/blog/category/knee/" in breadcrumbs(client, article)

    article.article_categories = [ArticleCategory(category=CategoryFactory(slug="back", name="腰の痛み"))]
    article.save_revision().publish()

    crumbs = breadcrumbs(client, article)
    assert "/blog/category/back/" in crumbs and "/blog/category/knee/" not in crumbs


def breadcrumbs(client, article):
    return reader_html(client.get(article.url)).split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
