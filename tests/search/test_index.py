"""The index holds what readers may see, and follows every publish at once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.models import SearchEntry
from search.query import search_articles
from tests.factories import block, make_article, paragraphs, sample_body
from tests.html import reader_html

pytestmark = pytest.mark.django_db


def found(query):
    return [hit.article.title for hit in search_articles(query)]


def test_published_article_is_found_at_once(blog):
    make_article(blog, title="膝のストレッチ")

    assert found("膝") == ["膝のストレッチ"]


def test_draft_is_not_indexed(blog):
    make_article(blog, title="下書きの膝の記事", publish=False)

    assert found("膝") == []
    assert not SearchEntry.objects.exists()


def test_edited_and_republished_article_is_found_by_its_new_words_only(blog):
    article = make_article(blog, title="膝の体操", lead="朝に。", body=paragraphs("タオルを使います。"))
    article.title = "足首の体操"
    article.body = paragraphs("ゴムバンドを使います。")
    article.save_revision().publish()

    assert found("膝") == [] and found("タオル") == []
    assert found("足首") == ["足首の体操"] and found("ゴムバンド") == ["足首の体操"]


def test_saving_a_new_draft_keeps_the_published_words(blog):
    article = make_article(blog, title="膝の体操")
    article.title = "まだ公開しない題名"
    article.save_revision()

    assert found("膝") == ["膝の体操"]


def test_unpublished_article_is_not_found(blog):
    article = make_article(blog, title="膝の体操")
    article.unpublish()

    assert found("膝") == []
    assert not SearchEntry.objects.exists()


def test_deleted_article_leaves_the_index(blog):
    article = make_article(blog, title="膝の体操")
    article.delete()

    assert not SearchEntry.objects.exists()


def test_private_article_is_not_found_and_returns_when_public_again(blog):
    article = make_article(blog, title="会員限定の膝の記事")
    restriction = PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")

    assert found("膝") == []

    restriction.delete()
    assert found("膝") == ["会員限定の膝の記事"]


def test_articles_under_a_private_blog_are_not_found(blog):
    make_article(blog, title="膝の体操")
    PageViewRestriction.objects.create(page=blog, restriction_type="login")

    assert found("膝") == []


def test_expired_article_is_not_found_even_before_it_is_unpublished(blog):
    article = make_article(blog, title="期限切れの膝の記事")
    type(article).objects.filter(pk=article.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))

    assert found("膝") == []


def test_rebuild_indexes_every_readable_article_and_nothing_else(blog):
    make_article(blog, title="膝の体操")
    make_article(blog, title="膝の下書き", publish=False)
    SearchEntry.objects.all().delete()

    call_command("rebuild_search", "--workers=2", stdout=io.StringIO())

    assert found("膝") == ["膝の体操"]
    assert SearchEntry.objects.count() == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_rebuild_in_many_batches_indexes_every_batch(blog, monkeypatch, workers):
    monkeypatch.setattr("search.index.BATCH_SIZE", 2)
    for n in range(5):
        make_article(blog, title=f"膝の体操{n}")
    SearchEntry.objects.all().delete()

    call_command("rebuild_search", f"--workers={workers}", stdout=io.StringIO())

    assert sorted(found("膝")) == [f"膝の体操{n}" for n in range(5)]


def test_categories_and_tags_are_searchable(blog):
    make_article(blog, title="朝の体操", lead="朝に。", tags=["膝痛"], body=paragraphs("ゆっくり動かします。"))

    assert found("膝痛") == ["朝の体操"]


@pytest.mark.parametrize("label", ["大見出し", "H2", "h2", "小見出し", "アンカーID", "walking", "caution", "ポイント"])
def test_block_labels_and_editor_only_fields_are_not_searchable(blog, label):
    # sample_body has an H2 and an H3 heading (one with the anchor "walking")
    # and a note of kind "caution" titled 注意: readers see none of these words.
    make_article(blog, title="膝の体操", body=sample_body())

    assert found(label) == []


def test_what_readers_read_in_blocks_is_searchable(blog):
    make_article(blog, title="膝の体操", body=sample_body())

    for words in ["膝の内側が痛む原因", "歩き方のくせ", "押すと痛い", "背すじ", "腫れているときは受診", "楽になりました"]:
        assert found(words) == ["膝の体操"], words


def test_a_note_without_a_title_is_found_by_the_name_readers_see(blog):
    body = [block("note", {"kind": "caution", "title": "", "text": "<p>無理はしないでください。</p>"})]
    make_article(blog, title="肩の体操", body=body)

    assert found("注意") == ["肩の体操"]


def test_excerpt_reads_as_the_article_without_block_labels(client, blog):
    make_article(blog, title="膝の体操", lead="ご紹介します。", body=sample_body())

    html = reader_html(client.get("/search/", {"q": "膝の内側"}))

    assert "大見出し" not in html and "H2" not in html
