"""The API's query parameters, read with the same form fields as the public pages.

The public list leaves out a filter it cannot use and says so on the page; the API refuses
the request instead (400), naming each parameter and why in plain Dutch, because a program
that sends a wrong filter should learn so rather than get the whole offer. Types and ranges
(a number, a date) are checked by django-ninja from the signature first; what needs the
database (does this gemeente exist?) or the public form's rules (years 2000-2100, no NUL) is
checked here.
"""

import datetime as dt

from django import forms
from django.utils.translation import gettext

from aanbod.forms import AanbodFilterForm, Datumveld, SlugKeuze
from aanbod.models import Activiteit, Doelgroep
from aanbod.selectors import Aanbodfilters
from gemeenten.models import Gemeente, Thema
from locaties.models import Taal


class OngeldigeParameters(Exception):
    """One or more query parameters could not be used: ``fouten`` as (parameter, message)."""

    def __init__(self, fouten: list[tuple[str, str]]):
        super().__init__(fouten)
        self.fouten = fouten


def _kort(waarde) -> str:
    tekst = str(waarde)
    return tekst if len(tekst) <= 50 else tekst[:50] + "…"


def _onbekend(soort: str, waarde, geldig: list[str]) -> str:
    return gettext("Er is geen %(soort)s “%(waarde)s”. Geldig zijn: %(geldig)s.") % {
        "soort": soort,
        "waarde": _kort(waarde),
        "geldig": ", ".join(geldig) or gettext("(geen)"),
    }


def _melding(parameter: str, waarde) -> str:
    """Why ``waarde`` of ``parameter`` was refused; lists the valid values where they are few."""
    if parameter == "gemeente":
        return gettext(
            "Er is geen gemeente met slug “%(waarde)s”. De gemeenten en hun slug staan op "
            "/api/v1/gemeenten."
        ) % {"waarde": _kort(waarde)}
    if parameter == "activiteit":
        return gettext(
            "Er is geen gepubliceerde activiteit met slug “%(waarde)s”. De activiteiten staan op "
            "/api/v1/activiteiten."
        ) % {"waarde": _kort(waarde)}
    if parameter == "doelgroep":
        return _onbekend(
            gettext("doelgroep met slug"),
            waarde,
            list(Doelgroep.objects.values_list("slug", flat=True)),
        )
    if parameter == "thema":
        return _onbekend(
            gettext("thema met slug"),
            waarde,
            list(Thema.objects.order_by("slug").values_list("slug", flat=True)),
        )
    if parameter == "taal":
        return _onbekend(
            gettext("taal met code"),
            waarde,
            list(Taal.objects.order_by("code").values_list("code", flat=True)),
        )
    if parameter in ("van", "tot"):
        return gettext(
            "%(parameter)s moet een datum tussen het jaar 2000 en 2100 zijn, als JJJJ-MM-DD."
        ) % {"parameter": parameter}
    if parameter == "zoekterm":
        return gettext("De zoekterm bevat tekens die we niet kunnen gebruiken.")
    return gettext("De waarde van %(parameter)s klopt niet.") % {"parameter": parameter}


def _geldig(form: forms.Form, namen: dict[str, str], waarden: dict) -> dict:
    """The cleaned data of ``form``, or ``OngeldigeParameters`` for every field in error.

    ``namen`` maps a form field to the API's parameter of the same meaning.
    """
    if form.is_valid():
        van, tot = form.cleaned_data.get("van"), form.cleaned_data.get("tot")
        if van and tot and tot < van:
            melding = gettext("tot (%(tot)s) ligt vóór van (%(van)s).") % {"tot": tot, "van": van}
            raise OngeldigeParameters([("tot", melding)])
        return form.cleaned_data
    raise OngeldigeParameters(
        [(namen[veld], _melding(namen[veld], waarden.get(veld))) for veld in form.errors]
    )


def _formwaarden(**waarden) -> dict:
    """Parameters as a form reads them from a URL: dates in ISO, true as "on", left out when
    empty."""
    data = {}
    for naam, waarde in waarden.items():
        if waarde is None or waarde is False or waarde == "":
            continue
        if isinstance(waarde, dt.date):
            waarde = waarde.isoformat()
        elif waarde is True:
            waarde = "on"
        data[naam] = str(waarde)
    return data


def aanbodfilters(
    *,
    gemeente: str | None,
    leeftijd: int | None,
    doelgroep: str | None,
    pijler: str | None,
    thema: str | None,
    van: dt.date | None,
    tot: dt.date | None,
    taal: str | None,
    inloop: bool,
    gratis: bool,
    toegankelijk: bool,
    zoekterm: str,
) -> Aanbodfilters:
    """The filters of the public offer list (``AanbodFilterForm``) from the API's parameters."""
    data = _formwaarden(
        q=zoekterm,
        gemeente=gemeente,
        leeftijd=leeftijd,
        doelgroep=doelgroep,
        pijler=pijler,
        thema=thema,
        van=van,
        tot=tot,
        taal=taal,
        inloop=inloop,
        gratis=gratis,
        toegankelijk=toegankelijk,
    )
    form = AanbodFilterForm(data)
    namen = {naam: naam for naam in form.fields} | {"q": "zoekterm"}
    _geldig(form, namen, data)
    return form.lees_filters()


class MomentFilterForm(forms.Form):
    gemeente = SlugKeuze(queryset=Gemeente.objects.all(), to_field_name="slug", required=False)
    activiteit = SlugKeuze(
        queryset=Activiteit.objects.gepubliceerd(), to_field_name="slug", required=False
    )
    van = Datumveld(required=False)
    tot = Datumveld(required=False)


def momentfilters(
    *, gemeente: str | None, activiteit: str | None, van: dt.date | None, tot: dt.date | None
) -> dict:
    """``gemeente`` and ``activiteit`` as rows, ``van`` and ``tot`` as dates (or None)."""
    data = _formwaarden(gemeente=gemeente, activiteit=activiteit, van=van, tot=tot)
    form = MomentFilterForm(data)
    return _geldig(form, {naam: naam for naam in form.fields}, data)


class LocatieFilterForm(forms.Form):
    gemeente = SlugKeuze(queryset=Gemeente.objects.all(), to_field_name="slug", required=False)


def locatiefilters(*, gemeente: str | None) -> dict:
    data = _formwaarden(gemeente=gemeente)
    form = LocatieFilterForm(data)
    return _geldig(form, {"gemeente": "gemeente"}, data)
