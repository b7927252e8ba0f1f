"""Old exports: WXR 1.0 and 1.1, with http:// and https:// namespaces."""

from datetime import datetime, timezone

import pytest

from blog.models import ArticlePage

from .conftest import run_import


@pytest.mark.parametrize("name", ["wxr_1_0_https.xml", "wxr_1_1_http.xml"])
def test_old_wxr_versions_import_with_their_dates_in_utc(site_tree, client, name):
    run_import(name, media=None)
    page = ArticlePage.objects.get()
    assert page.slug == "腰痛" and page.first_published_at == datetime(2012, 3, 3, 20, 6, 7, tzinfo=timezone.utc)
    assert page.body[0].value.source == "<p>腰が痛いときは<strong>無理をしない</strong>こと。</p><p>休むことも治療です。</p>"
    response = client.get("/blog/2012/03/%e8%85%b0%e7%97%9b/")
    assert response.status_code == 301 and response["Location"] == page.url
