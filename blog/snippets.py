"""Snippets an article points at: who wrote it and what it is about."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from security.html import safe_url


class Author(index.Indexed, models.Model):
    """A practitioner. Articles link to authors, not users, so a clinic can
    credit a therapist who never logs in to the admin."""

    name = models.CharField(_("名前"), max_length=100)
    name_kana = models.CharField(_("よみがな"), max_length=100, blank=True)
    slug = models.SlugField(
        _("スラッグ"),
        max_length=100,
        unique=True,
        allow_unicode=True,
        help_text=_("著者ページのURLに使います（例: yamada-taro）。"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("写真"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(
        _("資格・肩書き"), max_length=120, blank=True, help_text=_("例: 理学療法士・院長")
    )
    clinic = models.CharField(_("所属院"), max_length=120, blank=True)
    area = models.CharField(_("地域"), max_length=120, blank=True, help_text=_("例: 神奈川県藤沢市"))
    bio = models.TextField(_("プロフィール"), blank=True)
    website_url = models.URLField(_("ウェブサイト"), blank=True)
    x_url = models.URLField(_("X（旧Twitter）"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    line_url = models.URLField(_("LINE"), blank=True)
    # The 監修 step (review/) lets only this login approve what the author
    # reviews: a credit is given by the reviewer in person, never in their name.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ログインユーザー"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text=_("監修者として記事を承認する本人のログインです。監修はこのユーザーだけが承認・差し戻しできます。"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_kana"), FieldPanel("slug"), FieldPanel("photo")],
            heading=_("基本情報"),
        ),
        MultiFieldPanel(
            [FieldPanel("job_title"), FieldPanel("clinic"), FieldPanel("area"), FieldPanel("bio")],
            heading=_("経歴"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("line_url"),
            ],
            heading=_("SNS・リンク"),
        ),
        MultiFieldPanel([FieldPanel("user")], heading=_("監修")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_kana"),
        index.SearchField("bio"),
        index.AutocompleteField("name"),
        index.AutocompleteField("name_kana"),  # editors look authors up by reading too
    ]

    class Meta:
        verbose_name = _("著者")
        verbose_name_plural = _("著者")
        ordering = ["name_kana", "name"]

    def __str__(self):
        return self.name

    @property
    def name_with_title(self):
        """The byline form: 山田 花子（理学療法士）, or the name alone."""
        return f"{self.name}（{self.job_title}）" if self.job_title else self.name

    @property
    def affiliation(self):
        """Where the author practises, as the byline shows it: 院名 ／ 地域."""
        return " ／ ".join(part for part in (self.clinic, self.area) if part)

    @property
    def links(self):
        """The author's profiles as (label, url) pairs, in a fixed order."""
        pairs = [
            (_("ウェブサイト"), self.website_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("LINE", self.line_url),
        ]
        # Only web links: a javascript: or data: URL written to the database
        # by an import must not reach the page or its JSON-LD sameAs.
        return [(label, url) for label, url in pairs if safe_url(url)]


class Category(index.Indexed, models.Model):
    """A body area or complaint (膝の痛み, 腰痛…): how readers browse."""

    name = models.CharField(_("名前"), max_length=80, unique=True)
    slug = models.SlugField(
        _("スラッグ"),
        max_length=80,
        unique=True,
        allow_unicode=True,
        help_text=_("カテゴリーページのURLに使います（例: knee）。"),
    )
    description = models.TextField(_("説明"), blank=True)
    sort_order = models.IntegerField(_("表示順"), default=0, help_text=_("小さい順に表示します。"))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("カテゴリー")
        verbose_name_plural = _("カテゴリー")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
