"""Admin panels the article editor needs beyond Wagtail's own."""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class RequiredInlinePanel(InlinePanel):
    """An InlinePanel with min_num whose error names what is missing
    (「著者を1人以上選んでください。」) instead of Django's generic
    「少なくとも 1 個のフォームを送信してください。」."""

    def __init__(self, relation_name, *args, too_few_message, **kwargs):
        self.too_few_message = too_few_message
        super().__init__(relation_name, *args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "too_few_message": self.too_few_message}

    def get_form_options(self):
        options = super().get_form_options()
        formset = type(
            "RequiredChildFormSet",
            (BaseChildFormSet,),
            {"default_error_messages": {"too_few_forms": self.too_few_message}},
        )
        options["formsets"][self.relation_name]["formset"] = formset
        return options
