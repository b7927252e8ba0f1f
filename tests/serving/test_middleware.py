"""The page cache's rules: who is served from it, what it keeps, and the
headers browsers and the proxy get (serving/middleware.py, serving/policy.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage
from serving import cache, tags
from tests.factories import make_article
from tests.html import reader_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(blog):
    return make_article(blog, title="膝の痛みを和らげるストレッチ")


def test_second_anonymous_read_is_served_from_the_cache(client, article):
    first = client.get(article.url)
    ArticlePage.objects.filter(pk=article.pk).update(title="ORMで書き換えたタイトル")  # no publish, no purge

    second = client.get(article.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "膝の痛みを和らげるストレッチ" in reader_html(second)


def test_cacheable_page_tells_proxy_and_browser_how_long_to_keep_it(client, article, settings):
    response = client.get(article.url)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control
    assert f"s-maxage={settings.SERVING_SHARED_MAX_AGE}" in cache_control
    assert f"max-age={settings.SERVING_BROWSER_MAX_AGE}" in cache_control
    assert f"stale-while-revalidate={settings.SERVING_STALE_WHILE_REVALIDATE}" in cache_control
    assert tags.page(article.pk) in response["X-Cache-Tags"].split(",")


def test_matching_etag_gets_304_from_the_cache_and_from_a_fresh_render(client, article):
    etag = client.get(article.url)["ETag"]

    cached = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304
    assert cached.content == b""
    assert client.get(article.url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_logged_in_editor_is_never_served_the_cached_page(client, admin_client, article):
    anonymous = client
    assert anonymous.get(article.url)["X-Page-Cache"] == "miss"
    assert anonymous.get(article.url)["X-Page-Cache"] == "hit"

    response = admin_client.get(article.url)

    assert response["X-Page-Cache"] == "pass"
    assert "private" in response["Cache-Control"]
    # What only an editor sees: Wagtail's user bar, built for this user.
    assert "wagtail-userbar" in response.content.decode()
    assert anonymous.get(article.url)["X-Page-Cache"] == "hit"
    assert "wagtail-userbar" not in anonymous.get(article.url).content.decode()


def test_preview_is_never_cached_or_served_from_cache(admin_client, client, article):
    client.get(article.url)
    article.title = "プレビューだけの下書きタイトル"
    article.save_revision()

    preview = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/?mode=")
    reader = client.get(article.url)

    assert "プレビューだけの下書きタイトル" not in reader_html(reader)
    assert preview.get("X-Page-Cache") in (None, "pass")


def test_post_is_never_answered_from_the_cache(client, article):
    client.get(article.url)

    response = client.post(article.url)

    assert response["X-Page-Cache"] == "pass"


def test_page_with_a_csrf_token_is_not_stored_and_no_cookie_is_replayed(client, blog):
    """Wagtail's password form carries a CSRF token and sets the CSRF cookie:
    caching it would hand one reader's token and cookie to the next."""
    article = make_article(blog, title="パスワード付きの記事")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret")

    first = client.get(article.url)
    second = client.get(article.url)

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert first["X-Page-Cache"] == second["X-Page-Cache"] == "pass"
    assert "private" in second["Cache-Control"]


def test_login_restricted_page_is_never_stored(client, blog):
    article = make_article(blog, title="会員限定の記事")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    client.get(article.url)
    response = client.get(article.url)

    assert response.status_code == 302
    assert response["X-Page-Cache"] == "pass"


def test_request_with_a_session_cookie_bypasses_the_cache(client, article):
    client.get(article.url)
    client.cookies["sessionid"] = "someone-elses-session"

    assert client.get(article.url)["X-Page-Cache"] == "pass"


def test_vary_cookie_does_not_split_the_cache_per_visitor(client, article):
    """Wagtail's user bar reads request.user, so Django sends `Vary: Cookie`
    even to anonymous readers. Keyed on the Cookie header, as Django's cache
    middleware does, every analytics cookie would get its own copy."""
    client.cookies["_ga"] = "GA1.1.111"
    first = client.get(article.url)
    client.cookies["_ga"] = "GA1.1.222"

    second = client.get(article.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "cookie" not in second.get("Vary", "").lower()


def test_cached_response_never_carries_a_cookie(client, article):
    client.get(article.url)

    hit = client.get(article.url)

    assert hit["X-Page-Cache"] == "hit"
    assert not hit.cookies
    assert "Set-Cookie" not in hit


def test_head_is_answered_from_the_cached_get(client, article):
    client.get(article.url)

    response = client.head(article.url)

    assert response["X-Page-Cache"] == "hit"


def test_page_about_to_expire_is_kept_no_longer_than_its_expiry(client, article):
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now() + timedelta(seconds=90))

    response = client.get(article.url)

    shared = [p for p in response["Cache-Control"].split(", ") if p.startswith("s-maxage=")][0]
    assert 85 <= int(shared.split("=")[1]) <= 90


def test_not_found_is_not_cached(client, blog):
    assert client.get("/blog/no-such-article/").status_code == 404
    assert client.get("/blog/no-such-article/")["X-Page-Cache"] == "pass"


def test_admin_is_never_cached(admin_client):
    assert admin_client.get("/admin/")["X-Page-Cache"] == "pass"


class StampsAHeader:
    """A middleware the page cache knows nothing of, listed after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Clinic-Stamp"] = "teate"
        return response


def test_a_hit_has_every_header_of_the_miss_but_the_deny_list_and_the_caches_own(client, article, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.serving.test_middleware.StampsAHeader"]

    miss = client.get(article.url)
    hit = client.get(article.url)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit["X-Clinic-Stamp"] == "teate"
    kept = {name: value for name, value in miss.items() if name.lower() not in cache.DENIED_HEADERS}
    assert {name: value for name, value in hit.items() if name != "X-Page-Cache"} == kept
    assert not {name.lower() for name in hit.headers} & (cache.DENIED_HEADERS - {"x-page-cache"})
