"""Search indexes are written once, at the end of the import, and imported
pages are ordinary Wagtail pages afterwards."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from blog.models import ArticlePage
from search.models import SearchEntry
from tests.html import reader_html
from tests.factories import article_form_data, make_article, publish, rich_text

from .conftest import run_import

GUTENBERG = "膝の痛み&ストレッチ – 基本の3つ"


def test_imported_articles_are_in_wagtails_search_index(imported):
    page = ArticlePage.objects.get(title=GUTENBERG)
    found = get_search_backend().search("ストレッチ", ArticlePage)
    assert page.pk in [result.pk for result in found]


def test_an_imported_article_opens_in_the_editor_and_republishes(admin_client, client, imported):
    page = ArticlePage.objects.get(title=GUTENBERG)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    form = admin_client.get(edit)
    assert form.status_code == 200 and "基本の3つ" in reader_html(form)

    body = (("paragraph", rich_text("<p>院長が書き直しました。</p>")),)
    response = admin_client.post(edit, publish(article_form_data(page, body=body)))

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.live_revision_id == page.latest_revision_id
    assert "院長が書き直しました。" in reader_html(client.get(page.url))
    assert "基本の3つ" in reader_html(client.get("/search/", {"q": "書き直しました"}))


def test_pages_saved_after_an_import_are_indexed_again_at_once(blog):
    run_import("clinic.xml")
    article = make_article(blog, title="インポート後に書いた記事")
    found = get_search_backend().search("インポート後", ArticlePage)
    assert article.pk in [result.pk for result in found]
    assert SearchEntry.objects.filter(page=article).exists()


def test_a_dry_run_indexes_nothing(site_tree):
    before = SearchEntry.objects.count(), Page.objects.count()
    output = run_import("clinic.xml", "--dry-run", "--overwrite")
    assert "投稿:" in output
    assert (SearchEntry.objects.count(), Page.objects.count()) == before
