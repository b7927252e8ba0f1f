"""What the reviewer writes when acting on a 監修 task (Wagtail's workflow
action modal): a comment, which a rejection must have, since the writer
needs to know what to change."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReviewActionForm(forms.Form):
    comment = forms.CharField(label=_("コメント"), required=False, widget=forms.Textarea({"rows": 3}))


class ReviewRejectionForm(ReviewActionForm):
    comment = forms.CharField(
        label=_("差し戻しの理由"),
        help_text=_("執筆者に届きます。どこをどう直せばよいかを書いてください。"),
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("差し戻すときはコメントを書いてください。")},
    )
