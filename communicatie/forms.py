"""Forms residents fill in on the public site."""

import re
import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

VRAAG_MAX_TEKENS = 2000
NAAM_MAX_TEKENS = 100
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


class VraagForm(forms.Form):
    """A resident's question for the contact point of their gemeente.

    ``website`` is a honeypot: hidden from people, filled in by spam robots. ``is_spam`` tells
    the view to store and send nothing, whatever else the form holds.
    """

    gemeente = forms.ModelChoiceField(
        label=_("Je gemeente"),
        queryset=Gemeente.objects.all(),
        empty_label=_("Kies je gemeente"),
        help_text=_("Je vraag gaat naar het aanspreekpunt van deze gemeente."),
        error_messages={
            "required": _("Kies je gemeente."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    naam = SchoneTekst(
        label=_("Je naam"),
        max_length=NAAM_MAX_TEKENS,
        help_text=_("Je voornaam is genoeg."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={
            "required": _("Vul je naam in."),
            "max_length": _("Je naam mag maximaal %(limit_value)d tekens hebben."),
        },
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        help_text=_("Je krijgt een bevestiging op dit adres."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={
            "invalid": _("Vul een geldig e-mailadres in, bv. naam@voorbeeld.be."),
            "max_length": _("Dit e-mailadres is te lang."),
        },
    )
    telefoon = SchoneTekst(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bv. 0470 12 34 56."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
        error_messages={"max_length": _("Een telefoonnummer heeft maximaal 30 tekens.")},
    )
    vraag = SchoneTekst(
        label=_("Je vraag"),
        max_length=VRAAG_MAX_TEKENS,
        regels=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf je vraag."),
            "max_length": _(
                "Je vraag is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d). "
                "Maak ze korter of bel het aanspreekpunt."
            ),
        },
    )
    toestemming = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Vink aan dat we je gegevens mogen gebruiken. Anders kunnen we niet antwoorden."
            )
        },
    )
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dagen = settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN
        self.fields["vraag"].help_text = gettext(
            "Maximaal %(aantal)d tekens. Schrijf geen gegevens die we niet nodig hebben, "
            "zoals je rijksregisternummer."
        ) % {"aantal": VRAAG_MAX_TEKENS}
        self.fields["vraag"].widget.attrs["maxlength"] = VRAAG_MAX_TEKENS
        self.fields["toestemming"].label = gettext(
            "Ik geef toestemming om mijn gegevens te gebruiken om mijn vraag te beantwoorden. "
            "Mijn vraag gaat naar het aanspreekpunt van de gemeente die ik kies. "
            "Na %(dagen)d dagen wordt ze gewist."
        ) % {"dagen": dagen}
        self.fields["toestemming"].help_text = format_html(
            '{} <a href="{}">{}</a>.',
            gettext("Meer over je gegevens:"),
            privacy_url(),
            gettext("privacyverklaring"),
        )

        self.helper = FormHelper(self)
        # The server checks everything and lists the problems in plain Dutch; the browser's
        # own bubbles speak the browser's language and vanish before a screen reader reads them.
        self.helper.attrs = {"novalidate": ""}
        self.helper.form_show_errors = True
        self.helper.layout = Layout(
            Field("gemeente"),
            Field("naam"),
            Fieldset(
                # A legend is drawn large; the span gives it the size of the other labels.
                format_html(
                    '<span class="d-block fs-6 mb-0">{}</span>',
                    gettext("Hoe kunnen we je bereiken?"),
                ),
                HTML(
                    format_html(
                        '<p id="id_bereiken_uitleg" class="form-text mt-0">{}</p>',
                        gettext("Vul je e-mailadres of je telefoonnummer in, of allebei."),
                    )
                ),
                Field("email"),
                Field("telefoon"),
                css_class="mb-3",
                aria_describedby="id_bereiken_uitleg",
            ),
            Field("vraag"),
            Field("toestemming"),
            Div(Field("website"), css_class="visually-hidden", aria_hidden="true"),
            Submit("versturen", gettext("Vraag versturen"), css_class="btn-lg mt-2"),
        )

    @property
    def is_spam(self) -> bool:
        # Read the raw value: a robot's other answers are often invalid too, and it must get
        # the same "thank you" as a person, not a list of errors to learn from.
        return self.is_bound and bool(str(self.data.get("website", "")).strip())

    def clean_naam(self):
        return self.cleaned_data["naam"].strip()

    def clean_telefoon(self):
        telefoon = " ".join(self.cleaned_data["telefoon"].split())
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

    def clean(self):
        cleaned = super().clean()
        if (
            "email" in cleaned
            and "telefoon" in cleaned
            and not cleaned["email"]
            and not cleaned["telefoon"]
        ):
            self.add_error(
                "email",
                ValidationError(
                    _(
                        "Vul je e-mailadres of je telefoonnummer in. Anders kunnen we je niet "
                        "antwoorden."
                    ),
                    code="geen_contact",
                ),
            )
        return cleaned
