"""What a clinic decides about the checks, kept in the database: its own
rules, the default rules it turned off, and the findings an editor set aside
for one article (with the reason, who and when)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import CATEGORIES, PROFESSION_CODES, default_rules, phrase_rule

CATEGORY_CHOICES = [(category, category) for category in CATEGORIES]


def default_rule_choices():
    return [(rule.id, f"{rule.id}（{rule.category}）") for rule in default_rules()]


class WordingRule(models.Model):
    """A phrase the clinic wants flagged, beyond Teate's defaults."""

    name = models.CharField(_("名前"), max_length=80)
    category = models.CharField(_("分類"), max_length=20, choices=CATEGORY_CHOICES)
    phrases = models.TextField(
        _("注意する表現"),
        help_text=_("1行に1つ。活用や表記ゆれ（治ります／なおります、全角・半角）もまとめて見つけます。"),
    )
    explanation = models.TextField(_("説明"), max_length=400)
    source = models.CharField(_("根拠（法令・ガイドラインとURL）"), max_length=300, blank=True)
    professions = models.CharField(
        _("対象の職種"),
        max_length=80,
        blank=True,
        help_text=_("空欄ならすべての職種です。"),
    )

    class Meta:
        verbose_name = _("表現チェックの独自ルール")
        verbose_name_plural = _("表現チェックの独自ルール")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def rule_id(self):
        return f"custom-{self.pk}"

    @property
    def profession_codes(self):
        codes = tuple(code for code in self.professions.split(",") if code in PROFESSION_CODES)
        return codes or PROFESSION_CODES

    def as_rule(self):
        return phrase_rule(
            self.rule_id,
            self.category,
            self.phrases.splitlines(),
            self.explanation,
            self.source,
            self.profession_codes,
        )


class DisabledRule(models.Model):
    """A default rule the clinic turned off, and why."""

    rule_id = models.CharField(_("止める標準ルール"), max_length=60, unique=True, choices=default_rule_choices)
    reason = models.CharField(_("理由"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("止めている標準ルール")
        verbose_name_plural = _("止めている標準ルール")
        ordering = ["rule_id"]

    def __str__(self):
        return self.rule_id


class Dismissal(models.Model):
    """An editor's decision that one finding on one page is fine."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("ページ"), on_delete=models.CASCADE, related_name="+")
    rule_id = models.CharField(_("ルール"), max_length=60)
    match = models.CharField(_("表現"), max_length=200)
    reason = models.TextField(_("理由"), max_length=1000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("見送った人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("日時"), auto_now_add=True)

    class Meta:
        verbose_name = _("見送った注意")
        verbose_name_plural = _("見送った注意")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "rule_id", "match"], name="wording_one_dismissal")]

    def __str__(self):
        return f"{self.rule_id}: {self.match}"

