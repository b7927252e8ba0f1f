"""The clinic behind the site: name, address, hours, booking links and the
texts shown after every article. One row per Wagtail site, edited under
設定 › 院の設定 without a deploy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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
    ]

    class Meta:
        verbose_name = _("院の設定")

    @property
    def phone_url(self):
        """The phone number as a tel: link a phone can dial: its digits (and a
        leading +) only, or "" when it has none (security.html.tel_url)."""
        return tel_url(self.phone)

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]
