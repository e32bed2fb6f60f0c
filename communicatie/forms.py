"""Forms residents fill in on the public site."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.models import Doelgroep
from communicatie.models import Leeftijdsband
from gemeenten.models import Gemeente
from hvk.formulieren import (
    SchoneTekst,
    email_veld,
    honingpot_veld,
    naam_veld,
    privacy_url,
    telefoon_opschonen,
    telefoon_veld,
    zonder_stuurtekens,
)
from hvk.validators import valideer_emailadres_zonder_stuurtekens

__all__ = ["SchoneTekst", "VraagForm", "privacy_url", "zonder_stuurtekens"]

VRAAG_MAX_TEKENS = 2000
NAAM_MAX_TEKENS = 100
# Primary keys are 64-bit integers.
MAX_ID = 2**63 - 1


class KeuzesUitLijst(forms.ModelMultipleChoiceField):
    """Several choices by primary key; a number beyond 64 bits is refused before any query.

    Such a number is no key of ours, and SQLite cannot even compare it (an ``OverflowError``,
    a server error, where PostgreSQL finds nothing).
    """

    def clean(self, value):
        for waarde in value or ():
            try:
                getal = int(waarde)
            except (TypeError, ValueError):
                continue  # not a number at all: the field itself says so
            if not -MAX_ID - 1 <= getal <= MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": waarde},
                )
        return super().clean(value)


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
    naam = naam_veld(
        help_text=_("Je voornaam is genoeg."),
        max_length=NAAM_MAX_TEKENS,
        autocomplete="given-name",
    )
    email = email_veld(help_text=_("Je krijgt een bevestiging op dit adres."))
    telefoon = telefoon_veld()
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
    website = honingpot_veld()

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

    def clean_email(self):
        email = self.cleaned_data["email"]
        valideer_emailadres_zonder_stuurtekens(email)
        return email

    def clean_telefoon(self):
        return telefoon_opschonen(self.cleaned_data["telefoon"])

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


class NieuwsbriefForm(forms.Form):
    """Subscribing to the newsletter: an address and what to read about; no name.

    ``website`` is a honeypot, as in ``VraagForm``; ``is_spam`` tells the view to do nothing.
    """

    email = email_veld(
        label=_("Je e-mailadres"),
        help_text=_("We sturen je eerst een mail om je inschrijving te bevestigen."),
        required=True,
    )
    gemeenten = KeuzesUitLijst(
        label=_("Over welke gemeenten?"),
        queryset=Gemeente.objects.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Je krijgt het aanbod voor inwoners van deze gemeenten en het aanbod voor de hele "
            "regio."
        ),
        error_messages={
            "required": _("Kies minstens één gemeente."),
            "invalid_choice": _("Kies gemeenten uit de lijst."),
            "invalid_pk_value": _("Kies gemeenten uit de lijst."),
        },
    )
    leeftijden = forms.MultipleChoiceField(
        label=_("Hoe oud zijn je kinderen?"),
        required=False,
        choices=Leeftijdsband.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Niets aangevinkt: aanbod voor alle leeftijden. Verwacht je een kindje? Kies 0 tot 3 "
            "jaar."
        ),
        error_messages={"invalid_choice": _("Kies leeftijden uit de lijst.")},
    )
    doelgroepen = KeuzesUitLijst(
        label=_("Voor wie zoek je aanbod?"),
        required=False,
        queryset=Doelgroep.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: aanbod voor iedereen."),
        error_messages={
            "invalid_choice": _("Kies uit de lijst."),
            "invalid_pk_value": _("Kies uit de lijst."),
        },
    )
    toestemming = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Vink aan dat we je e-mailadres en je keuzes mogen gebruiken. Anders kunnen we "
                "je de nieuwsbrief niet sturen."
            )
        },
    )
    website = honingpot_veld()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not Doelgroep.objects.exists():
            # Nothing to choose from: the question would only puzzle.
            del self.fields["doelgroepen"]
        dagen = settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN
        self.fields["toestemming"].label = gettext(
            "Ik wil de nieuwsbrief krijgen. Het Huis gebruikt mijn e-mailadres en mijn keuzes "
            "alleen om mij de nieuwsbrief te sturen."
        )
        self.fields["toestemming"].help_text = format_html(
            '{} {} <a href="{}">{}</a>.',
            gettext(
                "Uitschrijven kan altijd met de link onderaan elke nieuwsbrief; dan wissen we je "
                "adres. Bevestig je niet binnen %(dagen)d dagen, dan wissen we het ook."
            )
            % {"dagen": dagen},
            gettext("Meer over je gegevens:"),
            privacy_url(),
            gettext("privacyverklaring"),
        )

        self.helper = FormHelper(self)
        # As in VraagForm: the server checks and lists the problems in plain Dutch.
        self.helper.attrs = {"novalidate": ""}
        self.helper.form_show_errors = True
        velden = [Field("email"), Field("gemeenten"), Field("leeftijden")]
        if "doelgroepen" in self.fields:
            velden.append(Field("doelgroepen"))
        self.helper.layout = Layout(
            *velden,
            Field("toestemming"),
            Div(Field("website"), css_class="visually-hidden", aria_hidden="true"),
            Submit("inschrijven", gettext("Inschrijven"), css_class="btn-lg mt-2"),
        )

    @property
    def is_spam(self) -> bool:
        return self.is_bound and bool(str(self.data.get("website", "")).strip())

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        valideer_emailadres_zonder_stuurtekens(email)
        return email
