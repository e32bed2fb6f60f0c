"""The public filter form of the offer list, and who registers for a moment (``GezinForm``).

Filters come from the URL, so anyone can type or share a broken one. A filter that does not
validate is left out (never a server error), and the form says in plain Dutch which one it
ignored. ``toegepast`` holds what was actually applied; the page renders a fresh form from it.
"""

import datetime as dt
import re
from urllib.parse import urlencode

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod.models import Doelgroep, Pijler
from aanbod.models.activiteit import leeftijd_als_tekst
from aanbod.models.inschrijving import MAX_KINDEREN, MAX_VOLWASSENEN
from aanbod.selectors import Aanbodfilters
from aanbod.services import Gezin
from gemeenten.models import Gemeente, Thema
from hvk.formulieren import (
    SchoneTekst,
    email_veld,
    honingpot_veld,
    naam_veld,
    privacy_url,
    telefoon_opschonen,
    telefoon_veld,
)
from hvk.validators import valideer_emailadres_zonder_stuurtekens
from locaties.models import Taal

MAX_ZOEKTERM = 200
MAX_LEEFTIJD_JAREN = 25
MIN_JAAR, MAX_JAAR = 2000, 2100
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def _leeftijdskeuzes():
    # Called when the form is shown, so in the visitor's language: plain ngettext, not the lazy
    # one (a lazy plural builds a class per call, which cost more than the rest of the form).
    keuzes = [("", _("alle leeftijden")), (0, _("jonger dan 1 jaar"))]
    keuzes += [
        (jaar, ngettext("%(n)s jaar", "%(n)s jaar", jaar) % {"n": jaar})
        for jaar in range(1, MAX_LEEFTIJD_JAREN + 1)
    ]
    return keuzes


class SlugKeuze(forms.ModelChoiceField):
    """A choice by slug or code, so that the URL reads ``?gemeente=beerse``, not ``?gemeente=3``."""

    def to_python(self, value):
        # Anything that cannot be a slug never reaches the database (PostgreSQL refuses NUL).
        if value not in self.empty_values and not SLUG.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)

    def label_from_instance(self, obj):
        return obj.naam


class Datumveld(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs):
        # The date picker sends ISO dates; people who type in the URL may write 2/12/2026.
        super().__init__(input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"], **kwargs)

    def to_python(self, value):
        datum = super().to_python(value)
        # Year 9999 would overflow when the day after is computed; no offer is that far off.
        if datum is not None and not MIN_JAAR <= datum.year <= MAX_JAAR:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return datum


class AanbodFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        strip=True,
        help_text=_("Een woord uit de naam of de uitleg, bv. “baby” of “voorlezen”."),
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_ZOEKTERM}),
    )
    gemeente = SlugKeuze(
        label=_("Ik woon in"),
        queryset=Gemeente.objects.order_by("naam"),
        to_field_name="slug",
        required=False,
        empty_label=_("alle gemeenten"),
    )
    leeftijd = forms.TypedChoiceField(
        label=_("Leeftijd van je kind"),
        choices=_leeftijdskeuzes,
        coerce=int,
        empty_value=None,
        required=False,
    )
    pijler = forms.ChoiceField(
        label=_("Soort aanbod"),
        choices=[("", _("alle soorten")), *Pijler.choices],
        required=False,
    )
    doelgroep = SlugKeuze(
        label=_("Voor wie"),
        queryset=Doelgroep.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("iedereen"),
    )
    thema = SlugKeuze(
        label=_("Thema"),
        queryset=Thema.objects.order_by("naam"),
        to_field_name="slug",
        required=False,
        empty_label=_("alle thema's"),
    )
    van = Datumveld(label=_("Vanaf (datum)"), required=False)
    tot = Datumveld(label=_("Tot en met (datum)"), required=False)
    taal = SlugKeuze(
        label=_("Er wordt ook deze taal gesproken"),
        queryset=Taal.objects.order_by("naam"),
        to_field_name="code",
        required=False,
        empty_label=_("alle talen"),
    )
    inloop = forms.BooleanField(label=_("Alleen vrije inloop (zonder inschrijven)"), required=False)
    gratis = forms.BooleanField(label=_("Alleen gratis aanbod"), required=False)
    toegankelijk = forms.BooleanField(label=_("Alleen met rolstoel bereikbaar"), required=False)

    # Filters tucked under "more filters" on the page; the rest is always in view.
    MEER = ("doelgroep", "thema", "van", "tot", "taal", "inloop", "gratis", "toegankelijk")

    # What the resident reads when a filter from the URL could not be used.
    GENEGEERD = {
        "q": gettext_lazy("Je zoekterm bevat tekens die we niet kunnen gebruiken."),
        "gemeente": gettext_lazy(
            "We kennen die gemeente niet. Je ziet het aanbod voor alle gemeenten."
        ),
        "leeftijd": gettext_lazy(
            "De leeftijd moet een getal van 0 tot 25 jaar zijn. Je ziet het aanbod voor alle "
            "leeftijden."
        ),
        "pijler": gettext_lazy("We kennen dat soort aanbod niet. Je ziet alle soorten."),
        "doelgroep": gettext_lazy(
            "We kennen die doelgroep niet. Je ziet het aanbod voor iedereen."
        ),
        "thema": gettext_lazy("We kennen dat thema niet. Je ziet alle thema's."),
        "van": gettext_lazy("De begindatum is geen geldige datum. We hebben die weggelaten."),
        "tot": gettext_lazy("De einddatum is geen geldige datum. We hebben die weggelaten."),
        "taal": gettext_lazy("We kennen die taal niet. Je ziet het aanbod in alle talen."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.opmerkingen: list[str] = []
        self.toegepast: dict = {}

    def clean_q(self):
        q = self.cleaned_data["q"]
        if len(q) > MAX_ZOEKTERM:
            self.opmerkingen.append(
                gettext("Je zoekterm was erg lang. We zoeken alleen met de eerste %(n)s tekens.")
                % {"n": MAX_ZOEKTERM}
            )
            q = q[:MAX_ZOEKTERM].strip()
        return q

    def lees_filters(self) -> Aanbodfilters:
        """Validate, keep every valid filter and note in ``opmerkingen`` each one left out."""
        self.is_valid()
        self.toegepast = {
            naam: waarde
            for naam, waarde in self.cleaned_data.items()
            # Not "in (None, '', False)": age 0 (a baby) equals False.
            if waarde is not None and waarde != "" and waarde is not False
        }
        for naam in self.errors:
            self.opmerkingen.append(
                str(self.GENEGEERD.get(naam, gettext("Een filter klopte niet en is weggelaten.")))
            )
        van, tot = self.toegepast.get("van"), self.toegepast.get("tot")
        if van and tot and tot < van:
            self.toegepast["van"], self.toegepast["tot"] = tot, van
            self.opmerkingen.append(
                gettext("De einddatum lag vóór de begindatum. We hebben ze omgewisseld.")
            )
        t = self.toegepast
        return Aanbodfilters(
            gemeente=t.get("gemeente"),
            leeftijd=t.get("leeftijd"),
            doelgroep=t.get("doelgroep"),
            pijler=t.get("pijler", ""),
            thema=t.get("thema"),
            van=t.get("van"),
            tot=t.get("tot"),
            taal=t.get("taal"),
            inloop=t.get("inloop", False),
            gratis=t.get("gratis", False),
            toegankelijk=t.get("toegankelijk", False),
            zoekterm=t.get("q", ""),
        )

    def meer_filters_actief(self) -> bool:
        return any(naam in self.toegepast for naam in self.MEER)

    def url_parameters(self, zonder: str | None = None) -> str:
        """The applied filters as a query string, optionally without one of them."""
        paren = []
        for naam in self.fields:
            if naam == zonder or naam not in self.toegepast:
                continue
            paren.append((naam, self._url_waarde(naam, self.toegepast[naam])))
        return urlencode(paren)

    def _url_waarde(self, naam, waarde) -> str:
        if isinstance(waarde, dt.date):
            return waarde.isoformat()
        if waarde is True:
            return "1"
        veld = self.fields[naam]
        if isinstance(veld, forms.ModelChoiceField):
            return getattr(waarde, veld.to_field_name)
        return str(waarde)

    def actieve_filters(self) -> list[dict]:
        """Each applied filter as a label a person reads and the URL without it."""
        actief = []
        for naam in self.fields:
            if naam not in self.toegepast:
                continue
            actief.append(
                {
                    "naam": naam,
                    "tekst": self._beschrijving(naam, self.toegepast[naam]),
                    "zonder": self.url_parameters(zonder=naam),
                }
            )
        return actief

    def _beschrijving(self, naam, waarde) -> str:
        veld = self.fields[naam]
        if isinstance(veld, forms.BooleanField):
            return str(veld.label)
        if naam == "q":
            return gettext("Zoeken: “%(q)s”") % {"q": waarde}
        if naam == "leeftijd":
            tekst = dict(_leeftijdskeuzes())[waarde]
        elif naam == "pijler":
            tekst = Pijler(waarde).label
        elif isinstance(waarde, dt.date):
            tekst = date_format(waarde, "j F Y")
        elif isinstance(veld, forms.ModelChoiceField):
            tekst = veld.label_from_instance(waarde)
        else:
            tekst = str(waarde)
        return f"{veld.label}: {tekst}"


def _leeftijd_kind_keuzes():
    """An age a parent picks without typing: months up to two years, then years."""
    keuzes = [("", _("geen")), (0, _("jonger dan 1 maand"))]
    keuzes += [(maanden, leeftijd_als_tekst(maanden)) for maanden in range(1, 24)]
    keuzes += [(jaren * 12, leeftijd_als_tekst(jaren * 12)) for jaren in range(2, 18)]
    return keuzes


class WoonplaatsVeld(forms.TypedChoiceField):
    """The participating gemeenten and "elsewhere"; cleans to a ``Gemeente`` or None."""

    ELDERS = "elders"

    def __init__(self, **kwargs):
        super().__init__(coerce=str, **kwargs)

    def keuzes_laden(self):
        self.gemeenten = {str(g.pk): g for g in Gemeente.objects.order_by("naam")}
        self.choices = [
            ("", gettext("Kies je gemeente")),
            *((pk, g.naam) for pk, g in self.gemeenten.items()),
            (self.ELDERS, gettext("Een andere gemeente")),
        ]

    def clean(self, value):
        value = super().clean(value)
        if value in ("", self.ELDERS):
            return None
        return self.gemeenten[value]


class GezinForm(forms.Form):
    """Who registers for a moment: the minimum to hold a seat and to reach the family.

    Shared by the public registration form and the admin's registration by phone. Children
    are counted by their ages (a choice per child, no names); ``gezin()`` gives the
    ``Gezin`` the registration service takes.
    """

    naam = naam_veld(help_text=_("Zo weten we aan de deur wie je bent."))
    email = email_veld(help_text=_("Je krijgt je bevestiging en een herinnering op dit adres."))
    telefoon = telefoon_veld()
    woonplaats = WoonplaatsVeld(
        label=_("Waar woont je gezin?"),
        help_text=_("Zo weet het Huis welke gemeenten het bereikt. Je adres vragen we niet."),
        error_messages={
            "required": _("Kies de gemeente waar je gezin woont, of 'Een andere gemeente'."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    volwassenen = forms.TypedChoiceField(
        label=_("Volwassenen"),
        coerce=int,
        choices=[(n, str(n)) for n in range(MAX_VOLWASSENEN + 1)],
        initial=1,
        error_messages={"invalid_choice": _("Kies een aantal uit de lijst.")},
    )
    opmerking = SchoneTekst(
        label=_("Opmerking over toegankelijkheid of taal"),
        required=False,
        max_length=500,
        regels=True,
        help_text=_("Bv. we komen met een rolstoel, of we spreken liever Engels. Niet verplicht."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        error_messages={"max_length": _("Maximaal %(limit_value)d tekens.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["woonplaats"].keuzes_laden()
        for nummer in range(1, MAX_KINDEREN + 1):
            self.fields[f"kind_{nummer}"] = forms.TypedChoiceField(
                label=gettext("Leeftijd kind %(n)s") % {"n": nummer},
                coerce=int,
                empty_value=None,
                required=False,
                choices=_leeftijd_kind_keuzes(),
                error_messages={"invalid_choice": _("Kies een leeftijd uit de lijst.")},
            )

    @property
    def kindvelden(self) -> list[str]:
        return [f"kind_{nummer}" for nummer in range(1, MAX_KINDEREN + 1)]

    def clean_naam(self):
        return self.cleaned_data["naam"].strip()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        valideer_emailadres_zonder_stuurtekens(email)
        return email

    def clean_telefoon(self):
        return telefoon_opschonen(self.cleaned_data["telefoon"])

    def clean(self):
        cleaned = super().clean()
        zonder_contact = not cleaned.get("email") and not cleaned.get("telefoon")
        if zonder_contact and not self.has_error("email") and not self.has_error("telefoon"):
            self.add_error(
                "email",
                ValidationError(
                    _("Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken."),
                    code="geen_contact",
                ),
            )
        leeftijden = [cleaned.get(v) for v in self.kindvelden if cleaned.get(v) is not None]
        cleaned["leeftijden"] = tuple(leeftijden)
        if cleaned.get("volwassenen") == 0 and not leeftijden and not self.has_error("volwassenen"):
            self.add_error(
                "volwassenen",
                ValidationError(_("Schrijf minstens één persoon in."), code="niemand"),
            )
        return cleaned

    def gezin(self) -> Gezin:
        data = self.cleaned_data
        return Gezin(
            naam=data["naam"],
            email=data["email"],
            telefoon=data["telefoon"],
            volwassenen=data["volwassenen"],
            leeftijden=data["leeftijden"],
            woonplaats=data["woonplaats"],
            opmerking=data["opmerking"],
        )


def _legende(tekst: str) -> str:
    # A legend is drawn large; the span gives it the size of the other labels.
    return format_html('<span class="d-block fs-6 mb-0">{}</span>', tekst)


class InschrijvingForm(GezinForm):
    """A family registers itself on the public site for one moment.

    On top of ``GezinForm``: consent (what the data is for and how long it is kept), the
    choice to go on the waiting list when the moment is full, and ``website``, a honeypot:
    hidden from people, filled in by spam robots; ``is_spam`` tells the view to store and
    send nothing. ``volzet`` (the moment was full when the page was made) changes the
    button; ``met_wachtlijst`` is false for a moment without a limit, which is never full.
    """

    wachtlijst = forms.BooleanField(
        label=_("Is het volzet, zet me dan op de wachtlijst"),
        required=False,
        initial=True,
        help_text=_(
            "Komt er een plaats vrij, dan schrijven we je automatisch in. Gaf je een "
            "e-mailadres, dan krijg je een mail."
        ),
    )
    toestemming = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Vink aan dat we je gegevens mogen gebruiken. Anders kunnen we je niet inschrijven."
            )
        },
    )
    website = honingpot_veld()

    def __init__(self, *args, volzet: bool = False, met_wachtlijst: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not met_wachtlijst:
            del self.fields["wachtlijst"]
        # The error summary lists the problems in the order the page shows the fields.
        self.order_fields(
            [
                "naam",
                "email",
                "telefoon",
                "woonplaats",
                "volwassenen",
                *self.kindvelden,
                "opmerking",
                "wachtlijst",
                "toestemming",
                "website",
            ]
        )
        maanden = settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN
        self.fields["toestemming"].label = ngettext(
            "Ik geef toestemming om mijn gegevens te gebruiken om deze inschrijving te regelen "
            "en om me erover te contacteren. %(maanden)d maand na het moment worden ze gewist.",
            "Ik geef toestemming om mijn gegevens te gebruiken om deze inschrijving te regelen "
            "en om me erover te contacteren. %(maanden)d maanden na het moment worden ze "
            "gewist.",
            maanden,
        ) % {"maanden": maanden}
        self.fields["toestemming"].help_text = format_html(
            '{} <a href="{}">{}</a>.',
            gettext("Meer over je gegevens:"),
            privacy_url(),
            gettext("privacyverklaring"),
        )
        self.fields["volwassenen"].help_text = gettext("Jezelf meegerekend.")

        self.helper = FormHelper(self)
        # The server checks everything and lists the problems in plain Dutch; the browser's
        # own bubbles speak the browser's language and vanish before a screen reader reads them.
        self.helper.attrs = {"novalidate": ""}
        self.helper.form_show_errors = True
        kinderen = [Div(Field(veld), css_class="col-sm-6 col-lg-4") for veld in self.kindvelden]
        self.helper.layout = Layout(
            Field("naam"),
            Fieldset(
                _legende(gettext("Hoe kunnen we je bereiken?")),
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
            Field("woonplaats"),
            Fieldset(
                _legende(gettext("Wie komt er?")),
                HTML(
                    format_html(
                        '<p id="id_wie_uitleg" class="form-text mt-0">{}</p>',
                        gettext(
                            "Kies de leeftijd van elk kind dat meekomt. Namen hebben we niet nodig."
                        ),
                    )
                ),
                Div(Div(Field("volwassenen"), css_class="col-sm-6 col-lg-4"), css_class="row"),
                Div(*kinderen, css_class="row aanbod-kinderen"),
                css_class="mb-3",
                aria_describedby="id_wie_uitleg",
            ),
            Field("opmerking"),
            *([Field("wachtlijst")] if met_wachtlijst else []),
            Field("toestemming"),
            Div(Field("website"), css_class="visually-hidden", aria_hidden="true"),
            Submit(
                "inschrijven",
                gettext("Op de wachtlijst zetten") if volzet else gettext("Inschrijven"),
                css_class="btn-lg mt-2",
            ),
        )

    @property
    def is_spam(self) -> bool:
        # Read the raw value: a robot's other answers are often invalid too, and it must get
        # the same "thank you" as a person, not a list of errors to learn from.
        return self.is_bound and bool(str(self.data.get("website", "")).strip())


class BevestigForm(forms.Form):
    """One tick that confirms a step that cannot be undone (cancel, erase): WCAG 3.3.4."""

    zeker = forms.BooleanField(required=True)

    def __init__(self, *args, label: str, fout: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zeker"].label = label
        self.fields["zeker"].error_messages["required"] = fout
