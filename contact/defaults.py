"""The fields a new お問い合わせフォーム starts with (issue 19), defined once.

The admin's add page shows them in the editor's 入力欄, unsaved, so the
practitioner changes or removes any of them before saving; the demo and the
tests' factory build their forms from the same list. A saved form is never
given them again: what the owner removed stays removed."""

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

# Each field as ContactFormField's own values. The clean name is what a
# submission's answers are stored under (docs/contact.md).
DEFAULT_FIELDS = (
    {"label": "お名前", "clean_name": "name", "field_type": "singleline", "required": True,
     "help_text": "例: 山田 花子"},
    {"label": "ふりがな", "clean_name": "furigana", "field_type": "singleline", "required": False,
     "help_text": "例: やまだ はなこ"},
    {"label": "電話番号", "clean_name": "phone", "field_type": "tel", "required": False,
     "help_text": "ご連絡のつきやすい番号（例: 090-1234-5678）"},
    {"label": "メールアドレス", "clean_name": "email", "field_type": "email", "required": True,
     "help_text": "返信をお送りします（例: hanako@example.jp）"},
    {"label": "ご希望の日時", "clean_name": "preferred_times", "field_type": "checkboxes", "required": False,
     "choices": "平日の午前\n平日の午後\n平日の夕方（17時以降）\n土曜の午前\n土曜の午後",
     "help_text": "ご予約のご希望があれば、いくつでもお選びください。"},
    {"label": "ご相談内容", "clean_name": "message", "field_type": "multiline", "required": True,
     "help_text": "痛む場所、いつから、どんなときに痛むかなどをお書きください（2000文字まで）。"},
    {"label": "個人情報の取り扱いに同意する", "clean_name": "consent", "field_type": "consent", "required": True},
)

_CLEAN_NAMES = {field["label"]: field["clean_name"] for field in DEFAULT_FIELDS}


def default_clean_name(label):
    """The clean name a default field's label is stored under, or None.
    Wagtail would spell 「お名前」 as u304au540du524d."""
    return _CLEAN_NAMES.get(label)


class ContactFormPageForm(WagtailAdminFormPageForm):
    """The page editor's form. A page being added, not yet posted, shows the
    default fields as new rows of its 入力欄; once the editor posts, what
    the form sent is all there is, so a field removed stays removed."""

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(data, files, *args, **kwargs)
        formset = self.formsets.get("form_fields")
        if data is None and self.instance.pk is None and formset is not None and not formset.initial_form_count():
            formset.initial_extra = [dict(field) for field in DEFAULT_FIELDS]
            formset.extra = len(DEFAULT_FIELDS)
