"""表現チェック in the admin: the editor's panel, setting a finding aside,
strict mode, the clinic's own and turned-off rules, and the report."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import rich_text

from blog.models import ArticlePage
from clinic.models import ClinicSettings
from tests.factories import AuthorFactory, CategoryFactory, article_form_data, make_article, paragraphs, publish
from wording.models import DisabledRule, Dismissal, WordingRule

pytestmark = pytest.mark.django_db

WARNING = "注意が必要な表現の可能性があります"
CLAIM_BODY = (("paragraph", rich_text("<p>このストレッチで膝の痛みは必ず治る。</p>")),)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def strict(on=True, profession="seitai"):
    settings = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    settings.wording_strict, settings.wording_profession = on, profession
    settings.save()


def test_the_editor_shows_a_drafts_findings_with_explanation_and_source(admin_client, blog):
    article = make_article(blog, title="膝のセルフケア", body=paragraphs("このストレッチで膝の痛みは必ず治る。"), publish=False)
    html = admin_client.get(edit_url(article)).content.decode()
    assert WARNING in html
    assert "<mark>必ず治る</mark>" in html
    assert "「必ず」「絶対」「誰でも」などで効果を保証する表現です。" in html
    assert "景品表示法" in html
    assert "違法" not in html
    assert reverse("wording_dismiss", args=[article.pk]) in html


def test_the_editor_shows_no_finding_for_careful_wording(admin_client, blog):
    article = make_article(blog, body=paragraphs("完治を保証するものではありません。必ず医師に相談してください。"))
    html = admin_client.get(edit_url(article)).content.decode()
    assert WARNING not in html
    assert "注意が必要な表現は見つかりませんでした。" in html


def test_every_text_of_the_page_is_checked(admin_client, blog):
    body = [
        {"type": "heading", "value": {"level": "h2", "text": "奇跡の整体", "anchor": ""}, "id": "1"},
        {"type": "checklist", "value": {"title": "チェック", "items": ["日本一の実績"]}, "id": "2"},
        {"type": "steps", "value": {"title": "手順", "steps": [{"title": "今だけ半額", "text": "副作用はありません。"}]}, "id": "3"},
        {"type": "note", "value": {"kind": "point", "title": "患者様の声", "text": "<p>医師も推薦</p>"}, "id": "4"},
        {"type": "quote", "value": {"quote": "腰痛が治りました。", "source": "40代・男性"}, "id": "5"},
    ]
    article = make_article(blog, title="必ず治る", lead="痛みはなくなります。", body=body, publish=False)
    article.seo_title, article.search_description = "地域No.1", "ビフォーアフター写真あり"
    article.save_revision()
    html = admin_client.get(edit_url(article)).content.decode()
    for phrase in ["必ず治る", "痛みはなくなります", "奇跡", "日本一", "今だけ", "副作用はありません", "患者様の声",
                   "医師も推薦", "治りました", "40代・男性", "No.1", "ビフォーアフター"]:
        assert f"<mark>{phrase}</mark>" in html, phrase


def test_a_dismissed_finding_is_recorded_and_no_longer_warns(admin_client, admin_user, blog):
    article = make_article(blog, body=paragraphs("このストレッチで膝の痛みは必ず治る。"), publish=False)
    url = reverse("wording_dismiss", args=[article.pk])
    form = admin_client.get(url, {"rule": "guaranteed-cure", "match": "必ず治る"})
    assert form.status_code == 200 and "見送る理由" in form.content.decode()
    missing_reason = admin_client.post(url, {"rule": "guaranteed-cure", "match": "必ず治る", "reason": ""})
    assert missing_reason.status_code == 200 and not Dismissal.objects.exists()
    response = admin_client.post(url, {"rule": "guaranteed-cure", "match": "必ず治る", "reason": "医師監修の研究を引用した文のため"})
    assert response.status_code == 302
    dismissal = Dismissal.objects.get()
    assert (dismissal.page_id, dismissal.rule_id, dismissal.match, dismissal.user) == (
        article.pk, "guaranteed-cure", "必ず治る", admin_user)
    html = admin_client.get(edit_url(article)).content.decode()
    assert WARNING not in html
    assert "見送りにした注意（1件）" in html


def test_a_finding_that_is_not_there_cannot_be_dismissed(admin_client, blog):
    article = make_article(blog, body=paragraphs("無理のない範囲で続けましょう。"), publish=False)
    url = reverse("wording_dismiss", args=[article.pk])
    response = admin_client.post(url, {"rule": "guaranteed-cure", "match": "必ず治る", "reason": "x"})
    assert response.status_code == 404 and not Dismissal.objects.exists()


def test_findings_never_block_publishing_by_default(admin_client, client, blog):
    article = make_article(blog, body=paragraphs("無理なく。"), publish=False)
    admin_client.post(edit_url(article), publish(article_form_data(article, body=CLAIM_BODY)))
    article.refresh_from_db()
    assert article.live and "必ず治る" in str(article.body)


def test_strict_mode_refuses_to_publish_but_keeps_the_draft(admin_client, blog):
    strict()
    article = make_article(blog, title="膝のケア", body=paragraphs("無理なく。"))
    response = admin_client.post(edit_url(article), publish(article_form_data(article, body=CLAIM_BODY)), follow=True)
    assert "公開しませんでした（下書きは保存しました）" in response.content.decode()
    article.refresh_from_db()
    assert "必ず治る" not in str(article.body)  # readers still see the published text
    assert "必ず治る" in str(article.get_latest_revision_as_object().body)  # the draft is kept


def test_strict_mode_keeps_a_new_article_unpublished(admin_client, blog):
    strict()
    data = article_form_data(body=CLAIM_BODY, authors=[AuthorFactory()], categories=[CategoryFactory()])
    admin_client.post(reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk]), publish(data))
    article = ArticlePage.objects.get(slug="knee-inside")
    assert not article.live and article.live_revision is None


def test_strict_mode_publishes_once_the_finding_is_dismissed(admin_client, blog):
    strict()
    article = make_article(blog, body=paragraphs("このストレッチで膝の痛みは必ず治る。"), publish=False)
    Dismissal.objects.create(page=article, rule_id="guaranteed-cure", match="必ず治る", reason="引用のため")
    body = (("paragraph", rich_text("<p>このストレッチで膝の痛みは必ず治る。</p>")),)
    admin_client.post(edit_url(article), publish(article_form_data(article, body=body)))
    article.refresh_from_db()
    assert article.live


def test_a_clinics_own_rule_is_checked_in_any_spelling(admin_client, blog):
    WordingRule.objects.create(
        name="整体院の方針", category="誇大な形容", phrases="骨格から変わります\n", explanation="院の方針で避けている表現です。",
    )
    article = make_article(blog, body=paragraphs("ほねの並びではなく、骨格から　変わりました！骨格から変わらない。"), publish=False)
    html = admin_client.get(edit_url(article)).content.decode()
    assert "<mark>骨格から　変わりました</mark>" in html
    assert "院の方針で避けている表現です。" in html
    assert "<mark>骨格から変わら" not in html  # a denial is no claim


def test_a_turned_off_default_rule_is_not_checked(admin_client, blog):
    DisabledRule.objects.create(rule_id="limited-offer", reason="料金の案内ページで使うため")
    article = make_article(blog, body=paragraphs("今だけ初回半額です。"), publish=False)
    html = admin_client.get(edit_url(article)).content.decode()
    assert WARNING not in html


def test_the_report_lists_live_pages_with_findings(admin_client, blog):
    make_article(blog, title="奇跡の整体", body=paragraphs("痛みはなくなります。"))
    make_article(blog, title="下書きの記事", body=paragraphs("必ず治る"), publish=False)
    make_article(blog, title="膝のストレッチ", body=paragraphs("無理なく続けましょう。"))
    html = admin_client.get(reverse("wording_report")).content.decode()
    assert "奇跡の整体" in html and "<mark>痛みはなくなります</mark>" in html
    assert "下書きの記事" not in html and "膝のストレッチ" not in html
    assert reverse("wording_report") in admin_client.get(reverse("wagtailadmin_home")).content.decode()  # under レポート


def test_the_report_needs_page_permissions(client, django_user_model, blog):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("wording_report"))
    assert response.status_code in (302, 403)
    assert reverse("wording_report") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_clinic_chooses_profession_and_strictness_in_its_settings(admin_client, blog):
    site = Site.objects.get(is_default_site=True)
    html = admin_client.get(reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", site.pk])).content.decode()
    assert "職種（表現チェック）" in html and "注意表現が残る記事の公開を止める" in html
    assert ClinicSettings.for_site(site).wording_profession == "seitai"


def test_dismissals_are_listed_and_cannot_be_added_from_a_blank_form(admin_client, blog):
    article = make_article(blog, body=paragraphs("必ず治る"), publish=False)
    Dismissal.objects.create(page=article, rule_id="guaranteed-cure", match="必ず治る", reason="引用のため")
    listing = admin_client.get(reverse("wagtailsnippets_wording_dismissal:list"))
    assert listing.status_code == 200 and "必ず治る" in listing.content.decode()
    assert reverse("wagtailsnippets_wording_dismissal:add") not in listing.content.decode()
    assert admin_client.get(reverse("wagtailsnippets_wording_dismissal:add")).status_code in (302, 403)


def test_a_clinic_adds_its_own_rule_with_professions_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_wording_wordingrule:add"),
        {"name": "方針", "category": "誇大な形容", "phrases": "骨格から変わる", "explanation": "避けます。",
         "source": "", "professions": ["judo", "ahaki"]},
    )
    assert response.status_code == 302
    rule = WordingRule.objects.get()
    assert rule.professions == "judo,ahaki" and rule.as_rule().professions == ("judo", "ahaki")
    edit = admin_client.get(reverse("wagtailsnippets_wording_wordingrule:edit", args=[rule.pk])).content.decode()
    boxes = {value: "checked" in tag for tag, value in re.findall(r'(<input[^>]*name="professions"[^>]*value="(\w+)"[^>]*>)', edit)}
    assert boxes == {"seitai": False, "judo": True, "ahaki": True, "medical": False, "pt": False}


def test_only_someone_who_may_edit_the_page_can_dismiss_its_findings(client, django_user_model, blog):
    article = make_article(blog, body=paragraphs("必ず治る"), publish=False)
    user = django_user_model.objects.create_user("viewer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("wording_dismiss", args=[article.pk])
    response = client.post(url, {"rule": "guaranteed-cure", "match": "必ず治る", "reason": "x"})
    assert response.status_code in (302, 403) and not Dismissal.objects.exists()
