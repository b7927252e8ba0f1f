"""The clinic behind the site: name, address, hours, booking links and the
texts shown after every article. One row per Wagtail site, edited under
設定 › 院の設定 without a deploy."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.models import validate_to_address
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from security.html import tel_url

from .analytics import AnalyticsIdField, validate_ga4_measurement_id

# Who writes the site: which advertising rules concern the clinic's wording
# (wording/rules.toml). 整体 first and by default: Teate's practitioners are
# mostly physical therapists and 整体 owners working outside a hospital, where
# no licence's advertising law applies but the stricter expectations for
# unlicensed practice (no treatment, no insurance) do.
PROFESSIONS = [
    ("seitai", _("整体（無資格の施術）")),
    ("judo", _("柔道整復師（接骨院・整骨院）")),
    ("ahaki", _("あん摩マッサージ指圧師・はり師・きゅう師")),
    ("medical", _("医師（医療広告ガイドライン）")),
    ("pt", _("理学療法士")),
]


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """The clinic behind the blog: shown after every article and in the
    footer, and editable without a deploy."""

    clinic_name = models.CharField(_("院名"), max_length=120, blank=True)
    postal_code = models.CharField(_("郵便番号"), max_length=10, blank=True, help_text=_("例: 251-0052"))
    address = models.CharField(_("住所"), max_length=200, blank=True)
    phone = models.CharField(_("電話番号"), max_length=30, blank=True)
    opening_hours = models.TextField(
        _("受付時間"), blank=True, help_text=_("1行に1つ（例: 月〜金 9:00〜19:00）")
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("共有用の標準画像"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("LINEやXで共有されたとき、メイン画像のないページに表示します（1200×630に切り抜きます）。"),
    )
    site_icon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("サイトのアイコン"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("ブラウザのタブやスマートフォンのホーム画面に表示します（正方形に切り抜きます）。空欄なら「手」のアイコンです。"),
    )
    booking_url = models.URLField(_("予約ページのURL"), blank=True)
    line_url = models.URLField(_("LINEのURL"), blank=True)
    cta_heading = models.CharField(
        _("予約の呼びかけ（見出し）"), max_length=120, blank=True, default="つらい痛み、ひとりで悩まずにご相談ください"
    )
    cta_text = models.TextField(
        _("予約の呼びかけ（本文）"),
        blank=True,
        default="初回はお身体の状態をていねいにお聞きし、原因とセルフケアの方法をご説明します。",
    )
    disclaimer = models.TextField(
        _("記事の注意書き"),
        blank=True,
        default=(
            "この記事は一般的な情報であり、診断や治療に代わるものではありません。"
            "症状が続く場合や強い痛みがある場合は、医療機関を受診してください。"
        ),
        help_text=_("すべての記事の末尾に表示します。空欄にすると表示しません。"),
    )
    ga4_measurement_id = AnalyticsIdField(
        _("Googleアナリティクス（GA4）の測定ID"),
        max_length=20,
        blank=True,
        validators=[validate_ga4_measurement_id],
        help_text=_(
            "例: G-ABC123DEF4。入力すると、読者が開くページでアクセス解析を行い、「外部送信について」のページに"
            "Googleへの送信を記載します。ログイン中の編集者とプレビューは計測しません。空欄なら何も送信しません。"
        ),
    )
    require_review = models.BooleanField(
        _("監修なしの公開を禁止"),
        default=False,
        help_text=_(
            "オンにすると、監修者がいる記事は、監修者が承認した本文でなければ公開できません（予約公開・一括公開も止めます）。"
            "オフのときは公開できますが、承認されていない本文には「監修」を表示しません。"
        ),
    )

    wording_profession = models.CharField(
        _("職種（表現チェック）"),
        max_length=20,
        choices=PROFESSIONS,
        default="seitai",
        help_text=_("記事の表現チェックで、どの法律・ガイドラインに照らして注意を出すかを決めます。"),
    )
    wording_strict = models.BooleanField(
        _("注意表現が残る記事の公開を止める"),
        default=False,
        help_text=_(
            "オンにすると、表現チェックの注意が残っている（見送りにしていない）記事は公開できません。"
            "下書きは保存されます。"
        ),
    )

    # --- contact (お問い合わせフォーム, contact/ and docs/contact.md) ---
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("お問い合わせフォームのページ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("フッターに表示します。「予約ページのURL」が空欄なら、スマートフォンの「WEB予約」もこのページを開きます。"),
    )
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("プライバシーポリシーのページ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("お問い合わせフォームの同意欄からリンクします。"),
    )
    contact_purpose = models.TextField(
        _("お問い合わせ内容の利用目的"),
        default="お問い合わせ・ご予約へのご返信と、施術のご相談への対応のため",
        help_text=_("同意欄に表示します。健康状態は要配慮個人情報のため、利用目的を明示して同意を得ます。"),
    )
    contact_notification_email = models.CharField(
        _("お問い合わせの通知先メールアドレス"),
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=_("お問い合わせが届いたことを知らせます。複数の場合はカンマで区切ります。空欄なら通知しません。"),
    )
    contact_mail_includes_details = models.BooleanField(
        _("通知メールにお問い合わせの内容を含める"),
        default=False,
        help_text=_(
            "オフにすると、通知メールには「お問い合わせが届いた」ことと管理画面へのリンクだけを書きます。"
            "メールは途中の経路で読まれることがあるため、健康状態などの内容はオフのまま管理画面でご確認ください。"
        ),
    )
    contact_auto_reply = models.BooleanField(
        _("受付確認メールを送る"),
        default=False,
        help_text=_("ご記入のメールアドレスに、受け付けたことだけを知らせるメールを送ります（ご記入の内容は書きません）。"),
    )
    contact_retention_days = models.PositiveIntegerField(
        _("お問い合わせの保存期間（日）"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("この日数を過ぎたお問い合わせは自動で削除します。"),
    )
    contact_refuse_links = models.BooleanField(
        _("URLを含むお問い合わせを受け付けない"),
        default=False,
        help_text=_("迷惑な書き込みの多くはURLを含みます。オンにすると、URLを含む内容は送信できません。"),
    )

    # The pages every footer links to come with the settings row (serving/sites.py keeps it).
    select_related = ["contact_page", "privacy_policy_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("clinic_name"),
                FieldPanel("postal_code"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
                FieldPanel("default_share_image"),
                FieldPanel("site_icon"),
            ],
            heading=_("院の情報"),
        ),
        MultiFieldPanel(
            [FieldPanel("booking_url"), FieldPanel("line_url"), FieldPanel("cta_heading"), FieldPanel("cta_text")],
            heading=_("予約の呼びかけ"),
        ),
        FieldPanel("disclaimer"),
        MultiFieldPanel([FieldPanel("ga4_measurement_id")], heading=_("アクセス解析")),
        MultiFieldPanel([FieldPanel("require_review")], heading=_("監修")),
        MultiFieldPanel([FieldPanel("wording_profession"), FieldPanel("wording_strict")], heading=_("表現チェック")),
        MultiFieldPanel(
            [
                PageChooserPanel("contact_page", "contact.ContactFormPage"),
                FieldPanel("privacy_policy_page"),
                FieldPanel("contact_purpose"),
                FieldPanel("contact_notification_email"),
                FieldPanel("contact_mail_includes_details"),
                FieldPanel("contact_auto_reply"),
                FieldPanel("contact_retention_days"),
                FieldPanel("contact_refuse_links"),
            ],
            heading=_("お問い合わせフォーム"),
        ),
    ]

    class Meta:
        verbose_name = _("院の設定")

    @property
    def phone_url(self):
        """The phone number as a tel: link a phone can dial: its digits (and a
        leading +) only, or "" when it has none (security.html.tel_url)."""
        return tel_url(self.phone)

    @property
    def contact_url(self):
        """The contact form's address when one is chosen and live, else ""
        (the footer's お問い合わせ, and WEB予約 when no booking URL is set)."""
        page = self.contact_page
        if page is None or not page.live:
            return ""
        return page.get_url(getattr(self, "_request", None)) or ""

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]
