"""Related articles and previous/next links below an article."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from blog.related import adjacent_articles, related_articles
from tests.factories import CategoryFactory, ImageFactory, make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def section(html, start, end="</section>"):
    return html.split(start, 1)[1].split(end, 1)[0] if start in html else ""


@pytest.fixture
def knee(db):
    return CategoryFactory(name="膝の痛み", slug="knee")


@pytest.fixture
def back(db):
    return CategoryFactory(name="腰痛", slug="back")


def test_related_orders_same_category_then_shared_tags_then_recency(blog, knee, back):
    article = make_article(blog, title="本人", categories=[knee], tags=["膝", "ストレッチ"], published_at=days_ago(50))
    make_article(blog, title="同じカテゴリー・タグなし", categories=[knee], published_at=days_ago(10))
    make_article(blog, title="同じカテゴリー・タグ1つ", categories=[knee], tags=["膝"], published_at=days_ago(20))
    make_article(blog, title="別カテゴリー・タグ2つ", categories=[back], tags=["膝", "ストレッチ"], published_at=days_ago(30))
    make_article(blog, title="別カテゴリー・タグ1つ", categories=[back], tags=["ストレッチ", "腰"], published_at=days_ago(2))
    make_article(blog, title="別カテゴリー・タグなし・最新", categories=[back], published_at=days_ago(1))

    titles = [a.title for a in related_articles(article, article.readable_siblings())]

    assert titles == ["同じカテゴリー・タグ1つ", "同じカテゴリー・タグなし", "別カテゴリー・タグ2つ", "別カテゴリー・タグ1つ"]


def test_article_in_primary_category_as_its_second_category_counts_as_same_category(blog, knee, back):
    article = make_article(blog, categories=[knee, back], published_at=days_ago(9))
    make_article(blog, title="腰だけの新しい記事", categories=[back], published_at=days_ago(1))
    make_article(blog, title="腰と膝の古い記事", categories=[back, knee], published_at=days_ago(8))

    assert [a.title for a in related_articles(article, article.readable_siblings())] == ["腰と膝の古い記事", "腰だけの新しい記事"]


def test_related_falls_back_to_newest_when_nothing_matches(blog):
    article = make_article(blog, published_at=days_ago(9))
    for n in range(5, 0, -1):
        make_article(blog, title=f"記事{n}日前", published_at=days_ago(n))

    assert [a.title for a in related_articles(article, article.readable_siblings())] == ["記事1日前", "記事2日前", "記事3日前", "記事4日前"]


def test_related_never_lists_itself_drafts_unpublished_or_scheduled(client, blog, knee):
    article = make_article(blog, title="本人の記事", categories=[knee], tags=["膝"])
    make_article(blog, title="下書きの記事", categories=[knee], tags=["膝"], publish=False)
    make_article(blog, title="公開を止めた記事", categories=[knee], tags=["膝"]).unpublish()
    scheduled = make_article(blog, title="予約公開の記事", categories=[knee], tags=["膝"], publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    make_article(blog, title="公開中の記事", categories=[knee])

    html = reader_html(client.get(article.url))
    related = section(html, 'id="related-heading"')

    assert "公開中の記事" in related
    for title in ["本人の記事", "下書きの記事", "公開を止めた記事", "予約公開の記事"]:
        assert title not in related, title
    assert [a.title for a in related_articles(article, article.readable_siblings())] == ["公開中の記事"]


def test_related_section_shows_up_to_four_cards_and_is_absent_when_alone(client, blog, knee):
    lonely = make_article(blog, title="ひとりの記事")
    assert 'id="related-heading"' not in reader_html(client.get(lonely.url))

    article = make_article(blog, categories=[knee])
    for _ in range(5):
        make_article(blog, categories=[knee], hero_image=ImageFactory())

    related = section(reader_html(client.get(article.url)), 'id="related-heading"')
    assert ">関連記事</h2>" in reader_html(client.get(article.url))
    assert related.count('class="card"') == 4


def test_related_articles_and_everything_their_cards_show_take_nine_queries(blog, knee, django_assert_num_queries):
    article = make_article(blog, categories=[knee], tags=["膝"])
    for _ in range(6):
        make_article(blog, categories=[knee], tags=["膝"], hero_image=ImageFactory())
    article = type(article).objects.get(pk=article.pk)

    # categories of this article, view restrictions, three sets of candidates
    # (newest, sharing a tag, in the primary category), the ranking, 3 prefetches
    with django_assert_num_queries(9):
        cards = related_articles(article, article.readable_siblings())
        for card in cards:
            card.primary_category, card.authors, card.hero_image  # noqa: B018 - what a card reads


# Previous / next


def test_previous_and_next_follow_publication_date_and_skip_drafts(client, blog):
    older = make_article(blog, title="古い記事", published_at=days_ago(30))
    make_article(blog, title="下書きの中間記事", publish=False)
    article = make_article(blog, title="真ん中の記事", published_at=days_ago(20))
    hidden = make_article(blog, title="止めた記事", published_at=days_ago(15))
    hidden.unpublish()
    newer = make_article(blog, title="新しい記事", published_at=days_ago(10))

    assert adjacent_articles(article, article.readable_siblings()) == (older, newer)
    nav = section(reader_html(client.get(article.url)), 'aria-label="前後の記事"', "</nav>")
    assert re.search(rf'href="{older.url}"><span class="prev-next__label">前の記事</span><span class="prev-next__title">古い記事</span>', nav)
    assert re.search(rf'href="{newer.url}"><span class="prev-next__label">次の記事</span><span class="prev-next__title">新しい記事</span>', nav)
    assert "下書き" not in nav and "止めた記事" not in nav


def test_first_and_last_articles_have_one_neighbour(client, blog):
    first = make_article(blog, title="最初の記事", published_at=days_ago(3))
    last = make_article(blog, title="最後の記事", published_at=days_ago(1))

    assert adjacent_articles(first, first.readable_siblings()) == (None, last)
    assert adjacent_articles(last, last.readable_siblings()) == (first, None)
    nav = section(reader_html(client.get(first.url)), 'aria-label="前後の記事"', "</nav>")
    assert "次の記事" in nav and "前の記事" not in nav


def test_articles_published_at_the_same_moment_are_all_reachable(blog):
    moment = days_ago(5)
    a, b, c = (make_article(blog, published_at=moment) for _ in range(3))

    assert adjacent_articles(a, a.readable_siblings()) == (None, b)
    assert adjacent_articles(b, b.readable_siblings()) == (a, c)
    assert adjacent_articles(c, c.readable_siblings()) == (b, None)


def test_no_prev_next_nav_for_a_single_article(client, blog):
    article = make_article(blog)

    assert 'aria-label="前後の記事"' not in reader_html(client.get(article.url))
