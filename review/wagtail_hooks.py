"""The 監修 step in Wagtail's admin: publishes refused while the clinic's
「監修なしの公開を禁止」 is on and the text is not approved (gate.py), and the
refusal in each page's history. Approvals have no admin screen on purpose:
a record anyone could add would be the fake credit this step prevents; they
show in each page's workflow history."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from blog.models import ArticlePage

from .gate import refusal


@hooks.register("before_publish_page")
def refuse_unreviewed_publish(request, page):
    """Publish (or schedule) from the editor: the draft was saved just now and stays."""
    message = refusal(page) if isinstance(page, ArticlePage) else None
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_unreviewed_bulk_publish(request, action_type, objects, action_class_instance):
    """Bulk publish: nothing is published while one of the articles would be refused."""
    if action_type != "publish":
        return None
    refused = [
        message
        for page in objects
        if isinstance(page.specific, ArticlePage)
        and (message := refusal(page.specific.get_latest_revision_as_object()))
    ]
    for message in refused:
        messages.error(request, message)
    return redirect(action_class_instance.next_url) if refused else None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("review.publish_refused", _("監修なしの公開を止めました"), _("監修なしの公開を止めました"))
