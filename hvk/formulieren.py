"""Form pieces every public form shares: clean text, phone numbers, the privacy link."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

TELEFOON_PATROON = re.compile(r"^[0-9 +/.\-]{6,30}$")
# Bidirectional overrides and isolates can make a text read differently from what it holds
# (e.g. a spoofed name in the contact point's mailbox); they have no place in these fields.
BIDI_STUURTEKENS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def zonder_stuurtekens(tekst: str, *, regels: bool = False) -> str:
    """The text without control characters; with ``regels``, line breaks and tabs stay."""
    if regels:
        tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    bewaard = {"\n", "\t"} if regels else set()
    return "".join(
        teken
        for teken in tekst
        if teken in bewaard
        or (unicodedata.category(teken) != "Cc" and teken not in BIDI_STUURTEKENS)
    )


class SchoneTekst(forms.CharField):
    """A text field that drops control characters before any other check runs."""

    def __init__(self, *args, regels=False, **kwargs):
        self.regels = regels
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = zonder_stuurtekens(value, regels=self.regels)
        return super().to_python(value)


def privacy_url() -> str:
    # The privacy page may not exist yet; the path is fixed, so fall back to it.
    try:
        return reverse("privacy")
    except NoReverseMatch:
        return "/privacy/"


def telefoon_opschonen(waarde: str) -> str:
    """A phone number with single spaces, or a Dutch ``ValidationError`` on the field."""
    telefoon = " ".join(waarde.split())
    if not telefoon:
        return ""
    if not TELEFOON_PATROON.match(telefoon) or sum(c.isdigit() for c in telefoon) < 6:
        raise ValidationError(
            _(
                "Vul een telefoonnummer in met cijfers (minstens 6). Spaties, +, /, . en - "
                "mogen ook, bv. 0470 12 34 56."
            ),
            code="telefoon",
        )
    return telefoon


def naam_veld(*, help_text, max_length=100, autocomplete="name") -> SchoneTekst:
    """A person's name as the public forms ask it."""
    return SchoneTekst(
        label=_("Je naam"),
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        error_messages={
            "required": _("Vul je naam in."),
            "max_length": _("Je naam mag maximaal %(limit_value)d tekens hebben."),
        },
    )


def email_veld(*, help_text, required=False, label=None) -> forms.EmailField:
    """An e-mail address with Dutch messages and the phone keyboard for addresses."""
    return forms.EmailField(
        label=label or _("E-mailadres"),
        required=required,
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={
            "required": _("Vul je e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bv. naam@voorbeeld.be."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
    )


def telefoon_veld() -> SchoneTekst:
    """An optional phone number; clean it with ``telefoon_opschonen``."""
    return SchoneTekst(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bv. 0470 12 34 56."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
        error_messages={"max_length": _("Een telefoonnummer heeft maximaal 30 tekens.")},
    )


def honingpot_veld() -> forms.CharField:
    """Hidden from people, filled in by spam robots: a form with it filled is spam."""
    return forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
