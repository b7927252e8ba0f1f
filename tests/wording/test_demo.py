"""The demo shows careful writing: none of its pages raises a finding, for
any profession, and the editor says so."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.models import ArticlePage
from clinic.models import PROFESSIONS
from demo.loader import load
from wording.audit import audit
from wording.site import clinic_checks

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load()


@pytest.mark.parametrize("profession", [code for code, _label in PROFESSIONS])
def test_no_demo_page_has_a_finding(demo, profession):
    results = audit(clinic_checks(profession=profession), use_cache=False)
    assert [(r.page.title, item.field, item.finding.match) for r in results for item in r.findings] == []


def test_check_wording_site_finds_nothing_in_the_demo(demo):
    out = io.StringIO()
    call_command("check_wording", "--site", stdout=out, stderr=io.StringIO())  # exits only when something is found
    assert out.getvalue() == ""


def test_the_editor_shows_no_finding_on_a_demo_article(demo, admin_client):
    article = ArticlePage.objects.get(slug="膝の内側の痛み")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "注意が必要な表現は見つかりませんでした。" in html
    assert "注意が必要な表現の可能性があります" not in html
