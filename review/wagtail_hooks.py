"""The 監修 step in Wagtail's admin: the refusal of an unreviewed publish in
each page's history (the refusal itself is review/gate.py's publish gate,
which blog/wagtail_hooks.py consults). Approvals have no admin screen on
purpose: a record anyone could add would be the fake credit this step
prevents; they show in each page's workflow history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("review.publish_refused", _("監修なしの公開を止めました"), _("監修なしの公開を止めました"))
