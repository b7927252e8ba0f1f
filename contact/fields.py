"""The form's fields as a Japanese reader types them: phone numbers in
full-width digits and any kind of hyphen, addresses with a full-width @,
every text with a length limit, and the consent checkbox that no form can
be without (個人情報保護法: health details need the person's consent)."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from .spam import spam_fields

# The builder's own types, and two of ours.
FIELD_TYPES = [*FORM_FIELD_CHOICES, ("tel", _("電話番号")), ("consent", _("同意（個人情報の取り扱い）"))]

SINGLE_LINE_MAX = 200
MULTI_LINE_MAX = 2000
# Hyphens, dashes and the long vowel mark a phone keyboard may produce for "-".
DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff0d\uff70-]")
PHONE = re.compile(r"\+?[0-9]+(-[0-9]+)*")

CONSENT_NAME = "consent"


def normalise_text(value):
    """NFKC folds full-width letters, digits and symbols to their ASCII form."""
    return unicodedata.normalize("NFKC", value or "").strip()


def normalise_phone(value):
    """０４６６ー００ー００００ → 0466-00-0000; spaces and brackets dropped."""
    folded = DASHES.sub("-", normalise_text(value))
    return re.sub(r"[\s()（）]", "", folded)


class PhoneField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
    default_error_messages = {
        "invalid": _("電話番号は数字とハイフンで入力してください（例: 0466-00-0000）。"),
    }

    def __init__(self, **options):
        super().__init__(max_length=30, **options)

    def to_python(self, value):
        return normalise_phone(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        digits = value.replace("-", "").lstrip("+")
        if value and (not PHONE.fullmatch(value) or not 10 <= len(digits) <= 13):
            raise ValidationError(self.error_messages["invalid"], code="invalid")


class MailField(forms.EmailField):
    widget = forms.EmailInput(attrs={"autocomplete": "email"})
    default_error_messages = {
        "invalid": _("メールアドレスの形式が正しくありません。「@」の前後を確かめてください（例: taro@example.jp）。"),
    }

    def to_python(self, value):
        return normalise_text(super().to_python(value))


class ConsentField(forms.BooleanField):
    """Always required, whatever the editor ticked: no consent, no submission."""

    default_error_messages = {
        "required": _("個人情報の取り扱いに同意いただけない場合は、送信できません。お電話でもご相談いただけます。"),
    }

    def __init__(self, **options):
        options["required"] = True
        super().__init__(**options)


class ContactFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        options.setdefault("max_length", SINGLE_LINE_MAX)
        return super().create_singleline_field(field, options)

    def create_multiline_field(self, field, options):
        options.setdefault("max_length", MULTI_LINE_MAX)
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        return MailField(max_length=254, **options)

    def create_tel_field(self, field, options):
        return PhoneField(**options)

    def create_consent_field(self, field, options):
        options.pop("initial", None)
        return ConsentField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        if not any(isinstance(field, ConsentField) for field in fields.values()):
            # An editor who deleted the consent field still gets one.
            fields[CONSENT_NAME] = ConsentField(label=_("個人情報の取り扱いに同意する"))
        fields.update(spam_fields())
        return fields
