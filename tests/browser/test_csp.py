"""The Content-Security-Policy breaks nothing: the Wagtail editor and the
reader pages load in real Chromium with no CSP violation."""

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.conftest import violations
from tests.factories import ImageFactory, make_article, sample_body, video_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def logged_in(tab, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.jp", "pw")
    client = Client()
    client.force_login(user)
    tab.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )


@pytest.fixture
def article(site_tree):
    image = ImageFactory()
    return make_article(
        site_tree[1], title="膝の内側が痛い原因", tags=["膝"], hero_image=image, body=[*sample_body(image), video_block()]
    )


def test_wagtail_editor_loads_under_the_admin_policy(watched, live_server, article, django_user_model):
    tab, console = watched
    logged_in(tab, live_server, django_user_model)

    tab.page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    tab.page.wait_for_load_state("networkidle")

    assert tab.page.locator("form#page-edit-form").count() == 1
    assert tab.page.locator("[data-streamfield-stream-container]").count() >= 1  # the body editor was built
    assert violations(tab, console) == []


def test_reader_article_loads_under_the_reader_policy(watched, live_server, article):
    tab, console = watched

    tab.page.goto(live_server.url + article.url)
    tab.page.wait_for_load_state("networkidle")

    assert "膝の内側が痛い原因" in tab.page.locator("h1").inner_text()
    assert violations(tab, console) == []


def test_reader_article_with_the_editors_userbar_loads_under_the_reader_policy(
    watched, live_server, article, django_user_model
):
    tab, console = watched
    logged_in(tab, live_server, django_user_model)

    tab.page.goto(live_server.url + article.url)
    tab.page.wait_for_load_state("networkidle")

    assert violations(tab, console) == []
