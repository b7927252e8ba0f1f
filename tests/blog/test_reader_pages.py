"""What a reader sees on the blog's pages, and what they must never see."""

import re

import pytest

from tests.factories import AuthorFactory, CategoryFactory, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def test_article_page_shows_title_lead_dates_in_japanese_and_author_box(client, blog):
    author = AuthorFactory(name="山田 遥", job_title="理学療法士", clinic="てあて整体院")
    article = make_article(blog, title="膝の内側が痛くて歩けない原因", slug="膝の内側", authors=[author])

    response = client.get(article.url)

    html = reader_html(response)
    assert response.status_code == 200
    assert "<h1 class=\"article__title\">膝の内側が痛くて歩けない原因</h1>" in html
    assert article.url == "/blog/%E8%86%9D%E3%81%AE%E5%86%85%E5%81%B4/"
    assert "この記事を書いた人" in html
    assert "理学療法士" in html and "てあて整体院" in html
    assert "年" in html and "月" in html and "日</time>" in html


def test_every_body_block_renders(client, blog):
    article = make_article(blog)

    html = reader_html(client.get(article.url))

    assert 'id="膝の内側が痛む原因"' in html  # h2 anchor derived from its text
    assert '<h3 id="walking"' in html  # h3 with the editor's own anchor
    assert "押すと痛い" in html and "椅子に座る" in html and "腫れているときは受診を" in html
    assert "楽になりました。" in html


def test_draft_article_is_not_served_or_listed(client, blog):
    category = CategoryFactory(slug="knee")
    author = AuthorFactory(slug="yamada")
    draft = make_article(blog, title="下書きの記事", publish=False, categories=[category], authors=[author], tags=["膝"])

    assert client.get(f"/blog/{draft.slug}/").status_code == 404
    for url in ["/blog/", "/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "下書きの記事" not in reader_html(response), url
    # Credited only on the draft: these listings do not exist yet (test_hidden_listings.py).
    for url in ["/blog/category/knee/", "/blog/author/yamada/", "/blog/tag/膝/"]:
        assert client.get(url).status_code == 404, url


def test_unpublished_article_disappears_from_listings(client, blog):
    article = make_article(blog, title="公開を止めた記事")
    article.unpublish()

    assert "公開を止めた記事" not in reader_html(client.get("/blog/"))
    assert client.get(article.url or f"/blog/{article.slug}/").status_code == 404


def test_category_page_lists_only_its_articles(client, blog):
    knee, back = CategoryFactory(name="膝の痛み", slug="knee"), CategoryFactory(name="腰痛", slug="back")
    make_article(blog, title="膝の記事", categories=[knee])
    make_article(blog, title="腰の記事", categories=[back])

    html = reader_html(client.get("/blog/category/knee/"))

    assert "<h1>膝の痛み</h1>" in html
    assert "膝の記事" in html and "腰の記事" not in html


def test_unknown_category_tag_and_author_are_404(client, blog):
    for url in ["/blog/category/nothing/", "/blog/tag/nothing/", "/blog/author/nobody/"]:
        assert client.get(url).status_code == 404, url


def test_author_page_shows_profile_and_their_articles(client, blog):
    author = AuthorFactory(name="山田 遥", slug="yamada", bio="膝の専門家です。")
    other = AuthorFactory()
    make_article(blog, title="山田さんの記事", authors=[author])
    make_article(blog, title="別の人の記事", authors=[other])

    html = reader_html(client.get("/blog/author/yamada/"))

    assert "膝の専門家です。" in html
    assert "山田さんの記事" in html and "別の人の記事" not in html


def test_japanese_tag_page_lists_tagged_articles(client, blog):
    make_article(blog, title="ストレッチの記事", tags=["ストレッチ"])
    make_article(blog, title="タグなしの記事")

    html = reader_html(client.get("/blog/tag/ストレッチ/"))

    assert "ストレッチの記事" in html and "タグなしの記事" not in html


def test_article_breadcrumbs_follow_primary_category(client, blog):
    primary, secondary = CategoryFactory(name="膝の痛み", slug="knee"), CategoryFactory(name="腰痛", slug="back")
    article = make_article(blog, title="膝と腰の記事", categories=[primary, secondary])

    html = reader_html(client.get(article.url))
    crumbs = html.split('aria-label="パンくずリスト"')[1].split("</nav>")[0]

    labels = re.findall(r'<li>(?:<a href="[^"]*">|<span aria-current="page">)([^<]*)', crumbs)
    assert labels == ["ホーム", "ブログ", "膝の痛み", "膝と腰の記事"]
    assert 'href="/blog/category/knee/"' in crumbs
    assert "腰痛" not in crumbs


@pytest.mark.parametrize(
    ("query", "status"),
    [("", 200), ("?page=1", 200), ("?page=abc", 200), ("?page=2", 200), ("?page=3", 404), ("?page=0", 404),
     ("?page=-1", 200), ("?page=99999", 404), ("?page=1.5", 200), ("?page=%EF%BC%92", 200)],
)
def test_pagination_edges_never_500(client, blog, settings, query, status):
    settings.BLOG_PAGE_SIZE = 2
    for _ in range(3):
        make_article(blog)

    assert client.get(f"/blog/{query}").status_code == status


def test_index_pages_twelve_newest_first(client, blog):
    articles = [make_article(blog, title=f"記事{i:02d}") for i in range(13)]

    first = reader_html(client.get("/blog/"))
    second = reader_html(client.get("/blog/?page=2"))

    assert first.count('class="card"') == 12
    assert first.index("記事12") < first.index("記事11")
    assert "記事00" not in first and "記事00" in second
    assert len(articles) == 13


def test_home_lists_newest_articles_and_category_counts(client, blog):
    knee = CategoryFactory(name="膝の痛み", slug="knee")
    make_article(blog, title="膝の記事A", categories=[knee])
    make_article(blog, title="膝の記事B", categories=[knee])
    make_article(blog, title="膝の下書き", categories=[knee], publish=False)

    html = reader_html(client.get("/"))

    assert "膝の記事A" in html and "膝の記事B" in html and "膝の下書き" not in html
    assert "膝の痛み</span> <span class=\"category-list__count\">2件</span>" in html


def test_designed_404_page(client, blog):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "お探しのページが見つかりません" in reader_html(response)
