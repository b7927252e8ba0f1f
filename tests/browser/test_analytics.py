"""Google Analytics, once the clinic sets its ID, in real Chromium: the tag
starts under the readers' Content-Security-Policy with no inline script, and
the 外部送信 page that lists it has no accessibility violations. Chromium is
kept offline: the request for Google's script is recorded, never sent."""

import pytest

from tests.browser.conftest import OfflinePage, violations
from tests.browser.test_readers import axe_violations
from tests.factories import make_article, video_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What static/js/analytics.js queued for gtag.js, as readable strings.
QUEUED = "window.dataLayer.map(a => a[0] === 'config' ? `config ${a[1]} ${JSON.stringify(a[2])}` : a[0])"


@pytest.fixture
def measured(clinic):
    clinic.ga4_measurement_id = "G-ABC123DEF4"
    clinic.save()
    return clinic


def test_google_analytics_starts_under_the_reader_policy(watched, live_server, measured, blog):
    tab, console = watched
    article = make_article(blog, title="膝の内側が痛い原因")

    tab.page.goto(live_server.url + article.url)
    tab.page.wait_for_load_state("networkidle")

    assert violations(tab, console) == []
    # The policy let the browser ask for Google's script (the test's offline tab stopped it there).
    assert tab.outside_requests == [("https://www.googletagmanager.com/gtag/js?id=G-ABC123DEF4", "script")]
    assert tab.page.evaluate(QUEUED) == [
        "js",
        'config G-ABC123DEF4 {"allow_google_signals":false,"allow_ad_personalization_signals":false}',
    ]


def test_disclosure_page_listing_analytics_and_video_has_no_axe_violations(chromium, live_server, measured, blog):
    make_article(blog, body=[video_block()])
    for width in (390, 1366):
        context = chromium.new_context(viewport={"width": width, "height": 844}, bypass_csp=True)
        page = OfflinePage(context).page
        try:
            page.goto(live_server.url + "/external-transmission/")
            assert page.locator("table.disclosure-table").count() == 2
            assert axe_violations(page) == [], width
        finally:
            context.close()
