"""The custom rule's form: professions chosen with checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from clinic.models import PROFESSIONS


class WordingRuleForm(WagtailAdminModelForm):
    professions = forms.MultipleChoiceField(
        label=_("対象の職種"),
        choices=PROFESSIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("選ばなければ、すべての職種です。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.professions:
            self.initial["professions"] = self.instance.professions.split(",")

    def clean_professions(self):
        return ",".join(self.cleaned_data["professions"])
