"""Spam defences with no outside service (the 外部送信 page stays true): a
field only robots fill in, a minimum time between showing the form and
sending it, a limit per address, and an optional refusal of links. A
refused message is never stored; the reader is told why, in Japanese, with
what they typed kept."""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from security import attempts

HONEYPOT_NAME = "homepage_url"  # a name robots like to fill
STARTED_NAME = "form_started"
RATE_SCOPE = "contact-form"
SALT = "contact.form-started"
# The reader never has to reload a form they left open for less than a week.
STARTED_MAX_AGE = 7 * 24 * 60 * 60
LINK = re.compile(r"h?ttps?://|www\.", re.IGNORECASE)

TOO_FAST = _("送信が早すぎるため、受け付けられませんでした。内容をご確認のうえ、もう一度「送信する」を押してください。")
EXPIRED = _("フォームを開いてから時間がたちすぎています。内容をご確認のうえ、もう一度「送信する」を押してください。")
TRAPPED = _("送信できませんでした。お手数ですが、お電話でご連絡ください。")
TOO_MANY = _("短い時間に何度も送信されたため、しばらく受け付けを止めています。1時間ほどたってから、またはお電話でご連絡ください。")
HAS_LINK = _("URLを含む内容は送信できません。URLを除いてご記入ください。")


def started_token(now=None):
    """A signed 'the form was shown at' value: the reader cannot forge an older one."""
    return signing.dumps(now if now is not None else time.time(), salt=SALT)


def seconds_since_started(token, now=None):
    """Seconds since the form was shown, or None for a missing, forged or too old token."""
    try:
        started = float(signing.loads(token or "", salt=SALT, max_age=STARTED_MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (now if now is not None else time.time()) - started


def spam_fields():
    """The two fields every contact form carries besides the editor's: the
    trap (hidden by site.css, so people never see it) and when it was shown."""
    return {
        HONEYPOT_NAME: forms.CharField(
            label=_("この欄は空のままにしてください"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        ),
        STARTED_NAME: forms.CharField(required=False, initial=started_token, widget=forms.HiddenInput),
    }


def refusal(form, refuse_links):
    """Why this valid-looking submission is refused (a message), or None.
    Called after the form's own validation."""
    data = form.cleaned_data
    if data.get(HONEYPOT_NAME):
        return TRAPPED
    elapsed = seconds_since_started(data.get(STARTED_NAME))
    if elapsed is None:
        return EXPIRED
    if elapsed < settings.CONTACT_MIN_FILL_SECONDS:
        return TOO_FAST
    if refuse_links:
        for name, value in without_spam_fields(data).items():
            if isinstance(value, str) and not isinstance(form.fields[name], forms.EmailField) and LINK.search(value):
                form.add_error(name, HAS_LINK)
    return None


def rate_limited(request):
    return attempts.over_limit(RATE_SCOPE, request, settings.CONTACT_RATE_LIMIT)


def note_submission(request):
    """Every posted submission counts, refused or not: a robot retrying
    after a refusal runs into the limit as well."""
    attempts.note_attempt(RATE_SCOPE, request, settings.CONTACT_RATE_WINDOW)


def without_spam_fields(data):
    return {name: value for name, value in data.items() if name not in (HONEYPOT_NAME, STARTED_NAME)}
