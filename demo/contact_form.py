"""The demo's お問い合わせ at /contact/ and its プライバシーポリシー, linked
from the footer and the booking bar. Created only when missing; an owner's
edits to either page, or to the clinic's settings, are never changed: the
settings are filled in only when this run created the page they point to."""

from django.db.models import Q
from wagtail.models import Site

from clinic.models import ClinicSettings
from contact.models import ContactFormPage, default_form_fields
from pages.models import ContentPage

CONTACT_SLUG = "contact"
PRIVACY_SLUG = "privacy"
DEMO_NOTIFICATION_EMAIL = "clinic@example.com"

INTRO = (
    "<p>ご予約のご希望や、施術についてのご相談をお送りください。"
    "内容を確認し、2営業日以内にご連絡します。</p>"
)

PRIVACY_BODY = [
    ("heading", {"level": "h2", "text": "個人情報の利用目的", "anchor": ""}),
    ("paragraph", "<p>てあて整体院（以下「当院」）は、お問い合わせフォームやお電話でお預かりしたお名前・ご連絡先・"
     "お身体の状態などの情報を、ご相談・ご予約への回答と、施術のご相談への対応のためにのみ利用します。</p>"),
    ("heading", {"level": "h2", "text": "要配慮個人情報について", "anchor": ""}),
    ("paragraph", "<p>お身体の状態や既往歴は要配慮個人情報にあたります。"
     "当院は、ご本人の同意を得たうえでお預かりし、法令で定める場合を除き、ご本人の同意なく第三者に提供しません。</p>"),
    ("heading", {"level": "h2", "text": "保存期間と削除", "anchor": ""}),
    ("paragraph", "<p>お問い合わせフォームの内容は、受け付けから90日を過ぎると自動で削除します。"
     "閲覧できるのは、当院で権限を与えられた担当者だけです。</p>"),
    ("heading", {"level": "h2", "text": "開示・訂正・削除のご請求", "anchor": ""}),
    ("paragraph", "<p>ご自身の情報の開示・訂正・削除をご希望の場合は、お電話でお申し出ください。</p>"),
]


def ensure_contact_pages(home, block):
    """(contact page, privacy page); `block` builds a body block as loader.block does."""
    privacy, privacy_created = ensure_privacy_page(home, block)
    contact, contact_created = ensure_contact_form(home)
    site = Site.objects.filter(root_page=home).first()
    if site is not None and (privacy_created or contact_created):
        clinic = ClinicSettings.for_site(site)
        if privacy_created and clinic.privacy_policy_page_id is None:
            clinic.privacy_policy_page = privacy
        if contact_created and clinic.contact_page_id is None:
            clinic.contact_page = contact
            clinic.contact_notification_email = clinic.contact_notification_email or DEMO_NOTIFICATION_EMAIL
            clinic.contact_auto_reply = True
        clinic.save()
    return contact, privacy


def ensure_contact_form(home):
    existing = ContactFormPage.objects.descendant_of(home).first()
    if existing is not None:
        return existing, False
    if home.get_children().filter(slug=CONTACT_SLUG).exists():
        return None, False  # the owner's own page lives at /contact/
    page = ContactFormPage(title="お問い合わせ・ご予約", slug=CONTACT_SLUG, intro=INTRO)
    page.form_fields = default_form_fields()
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_privacy_page(home, block):
    existing = ContentPage.objects.child_of(home).filter(Q(slug=PRIVACY_SLUG) | Q(title="プライバシーポリシー")).first()
    if existing is not None or home.get_children().filter(slug=PRIVACY_SLUG).exists():
        return existing, False
    page = ContentPage(title="プライバシーポリシー", slug=PRIVACY_SLUG,
                       body=[block(kind, value) for kind, value in PRIVACY_BODY])
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True
