"""The Content-Security-Policy breaks nothing: the Wagtail editor and the
reader pages load in real Chromium with no CSP violation."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import ImageFactory, make_article, sample_body, video_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Init scripts run as the browser's own, outside the page's policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def violations(tab, console):
    recorded = tab.page.evaluate("window.__cspViolations")
    return recorded + [text for text in console if "Content Security Policy" in text]


@pytest.fixture
def watched(offline_page):
    offline_page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    offline_page.page.on("console", lambda message: console.append(message.text))
    return offline_page, console


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
