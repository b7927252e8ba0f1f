"""{% contact_field field %}: one field of the contact form with its label,
its help, and its error right beside it, tied together for screen readers
(aria-describedby, aria-invalid); the value typed stays in the field."""

from django import forms, template

from contact.fields import ConsentField
from contact.spam import HONEYPOT_NAME

register = template.Library()


def field_kind(field):
    widget = field.field.widget
    if field.name == HONEYPOT_NAME:
        return "trap"
    if field.is_hidden:
        return "hidden"
    if isinstance(field.field, ConsentField):
        return "consent"
    if isinstance(widget, (forms.CheckboxSelectMultiple, forms.RadioSelect)):
        return "group"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "text"


@register.inclusion_tag("contact/field.html", takes_context=True)
def contact_field(context, field):
    kind = field_kind(field)
    ids = {part: f"{field.auto_id}-{part}" for part in ("help", "purpose", "error")}
    described = [ids["help"]] if field.help_text else []
    if kind == "consent":
        described.append(ids["purpose"])
    if field.errors:
        described.append(ids["error"])
    attrs = {}
    if described and kind != "group":
        attrs["aria-describedby"] = " ".join(described)
    if field.errors and kind != "group":
        attrs["aria-invalid"] = "true"
    clinic = context.get("clinic")
    privacy = getattr(clinic, "privacy_policy_page", None)
    return {
        "field": field,
        "kind": kind,
        "ids": ids,
        "described_by": " ".join(described),
        "widget": field.as_widget(attrs=attrs),
        "clinic": clinic,
        "privacy_url": privacy.get_url(context.get("request")) if privacy is not None and privacy.live else "",
    }
