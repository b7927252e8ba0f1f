"""監修 in real Chromium, the whole round: a writer submits an article for
監修; the reviewer logs in, sees it waiting and approves it; the article is
live with the 監修 line and valid JSON-LD; the writer's new text loses the
credit (or, in strict mode, is refused) until the reviewer approves again;
a rejection's comment reaches the writer."""

import json
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import OperationalError
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Site, WorkflowState

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, make_article, make_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def login(chromium, live_server, user):
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="ja-JP")
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context, context.new_page()


def make_login(username, groups=()):
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def wait_until(condition, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return
        except OperationalError:  # SQLite's shared test database, busy with the server's write
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def article_row(pk):
    return ArticlePage.objects.get(pk=pk)


def reader_view(chromium, live_server, url):
    """(監修 line or None, the WebPage node of the JSON-LD) as a reader sees them."""
    context = chromium.new_context(locale="ja-JP")
    tab = context.new_page()
    tab.goto(f"{live_server.url}{url}")
    line = tab.locator(".article__byline--reviewer")
    text = " ".join(line.inner_text().split()) if line.count() else None
    graph = json.loads(tab.locator('script[type="application/ld+json"]').text_content())["@graph"]
    context.close()
    return text, next(node for node in graph if node["@type"] == "WebPage")


def submit(tab, live_server, pk, lead=None):
    tab.goto(f"{live_server.url}/admin/pages/{pk}/edit/")
    if lead is not None:
        tab.locator('textarea[name="lead"]').fill(lead)
    tab.locator('button[name="action-submit"]').evaluate("button => button.click()")
    tab.wait_for_load_state()
    wait_until(lambda: WorkflowState.objects.filter(object_id=str(pk), status=WorkflowState.STATUS_IN_PROGRESS).exists())


def publish(tab):
    """「公開」, wherever the footer's menu put it."""
    tab.locator('button[name="action-publish"]').evaluate("button => button.click()")
    tab.wait_for_load_state()


def dashboard_action(tab, live_server, label):
    tab.goto(f"{live_server.url}/admin/")
    expect(tab.get_by_text("膝の内側が痛むとき").first).to_be_visible()
    tab.locator(".actions-container button").first.click()  # the row's ⋯ menu
    tab.locator("button[data-workflow-action-url]", has_text=label).first.click()


def test_a_writer_submits_the_reviewer_approves_and_the_credit_follows_the_approved_text(chromium, live_server):
    make_site()
    writer = make_login("writer", groups=["Editors", "Moderators"])  # may publish directly too
    doctor_login = make_login("doctor")
    doctor = AuthorFactory(name="高橋 誠", slug="takahashi", job_title="整形外科医", clinic="", user=doctor_login)
    article = make_article(
        Site.objects.get().root_page.get_children().get().specific, title="膝の内側が痛むとき", slug="knee",
        authors=[AuthorFactory(name="山田 花子", slug="yamada")], reviewer=doctor, publish=False,
    )
    writer_context, writer_tab = login(chromium, live_server, writer)
    doctor_context, doctor_tab = login(chromium, live_server, doctor_login)

    # The writer submits; the doctor is told by email and sees it waiting.
    submit(writer_tab, live_server, article.pk)
    assert any(message.to == ["doctor@example.com"] for message in mail.outbox)
    dashboard_action(doctor_tab, live_server, "監修を承認する")
    wait_until(lambda: article_row(article.pk).live)

    line, web_page = reader_view(chromium, live_server, "/blog/knee/")
    assert line is not None and line.startswith("監修: 高橋 誠（整形外科医）") and "年" in line
    assert web_page["reviewedBy"]["name"] == "高橋 誠" and web_page["lastReviewed"]

    # The writer publishes new text directly: the credit goes.
    writer_tab.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    writer_tab.locator('textarea[name="lead"]').fill("重度でなければ手術しなくても必ず治ります。")
    publish(writer_tab)
    wait_until(lambda: article_row(article.pk).lead.startswith("重度でなければ"))
    line, web_page = reader_view(chromium, live_server, "/blog/knee/")
    assert line is None and "reviewedBy" not in web_page

    # In strict mode the next unapproved text is refused, the draft kept.
    clinic = ClinicSettings.for_site(Site.objects.get())
    clinic.require_review = True
    clinic.save()
    writer_tab.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    writer_tab.locator('textarea[name="lead"]').fill("膝の痛みは必ず消えます。")
    publish(writer_tab)
    expect(writer_tab.get_by_text("監修者の承認を受けていない本文のため、公開できません。")).to_be_visible()
    assert article_row(article.pk).lead.startswith("重度でなければ")

    # Approved again, the credit comes back.
    submit(writer_tab, live_server, article.pk, lead="膝の内側の痛みは、多くは体操で和らぎます。")
    dashboard_action(doctor_tab, live_server, "監修を承認する")
    wait_until(lambda: article_row(article.pk).lead.startswith("膝の内側の痛みは"))
    line, web_page = reader_view(chromium, live_server, "/blog/knee/")
    assert line is not None and web_page["reviewedBy"]["name"] == "高橋 誠"

    # A rejection with its comment reaches the writer.
    submit(writer_tab, live_server, article.pk, lead="この体操で必ず治ります。")
    mail.outbox.clear()
    dashboard_action(doctor_tab, live_server, "差し戻す（コメント必須）")
    doctor_tab.locator('textarea[name="comment"]').fill("「必ず治ります」は言い切りです。表現を改めてください。")
    doctor_tab.locator('.modal-content button[type="submit"]').click()
    wait_until(lambda: WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).exists())
    assert any("表現を改めてください" in message.body for message in mail.outbox if message.to == ["writer@example.com"])
    writer_tab.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    expect(writer_tab.get_by_text("表現を改めてください", exact=False).first).to_be_attached()
    assert article_row(article.pk).lead.startswith("膝の内側の痛みは")  # still the approved text

    writer_context.close()
    doctor_context.close()
