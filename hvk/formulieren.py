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
