"""Read models of the public pages: the shared home, each gemeente's door, news and pages.

Every selector loads what its page renders in a fixed number of queries, whatever the number of
moments, places or news items: a template never queries in a loop.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from aanbod.models import Moment
from communicatie.models import Nieuwsbericht, Pagina
from gemeenten.models import Gemeente
from hvk.geo import afstand_km
from locaties.models import Halte, Haltebezoek, Locatie
from locaties.openingsuren import Openingsstatus, Slot

# How far ahead a mobile house's next stop is looked up for a door.
MOBIEL_VOORUIT_DAGEN = 62

# The order in which places are listed when distance does not decide: the house first.
SOORT_VOLGORDE = Case(
    When(soort=Locatie.Soort.CENTRAAL_HUIS, then=Value(0)),
    When(soort=Locatie.Soort.FYSIEK_HUIS, then=Value(1)),
    When(soort=Locatie.Soort.ANTENNE, then=Value(2)),
    When(soort=Locatie.Soort.ONTMOETINGSPLEK, then=Value(3)),
    When(soort=Locatie.Soort.MOBIEL, then=Value(4)),
    default=Value(5),
    output_field=IntegerField(),
)


def dag_tekst(datum: dt.date, vandaag: dt.date | None = None) -> str:
    """A day as a parent says it: “vandaag”, “morgen”, or “donderdag 26 november”."""
    vandaag = vandaag or timezone.localdate()
    if datum == vandaag:
        return gettext("vandaag")
    if datum == vandaag + dt.timedelta(days=1):
        return gettext("morgen")
    return date_format(datum, "l j F")


# --- The offer ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dagprogramma:
    """The moments of one local day, for a list that reads “Vandaag”, “Morgen”, …"""

    datum: dt.date
    momenten: list[Moment]
    vandaag: dt.date

    @property
    def titel(self) -> str:
        naam = dag_tekst(self.datum, self.vandaag)
        if self.datum - self.vandaag <= dt.timedelta(days=1):
            # “Vandaag, woensdag 25 november”: the date too, for who reads the page tomorrow.
            return f"{capfirst(naam)}, {date_format(self.datum, 'l j F')}"
        return capfirst(naam)


def komende_momenten(
    *, gemeente: Gemeente | None = None, dagen: int | None = None, aantal: int = 20, op=None
) -> list[Moment]:
    """Moments not cancelled and not over, of published activities, soonest first.

    With ``gemeente``: only offer a resident of that gemeente may use (regional, or local to
    it). With ``dagen``: only moments that start today or in the ``dagen - 1`` days after it.
    At most ``aantal``. Each moment comes with its activity, its place (with that place's
    gemeente) and the gemeenten of local offer: two queries for any number of moments.
    """
    op = op or timezone.now()
    momenten = Moment.objects.actief().komend(op).filter(activiteit__gepubliceerd=True)
    if gemeente is not None:
        momenten = momenten.beschikbaar_voor(gemeente)
    if dagen is not None:
        vandaag = timezone.localdate(op)
        momenten = momenten.in_periode(vandaag, vandaag + dt.timedelta(days=dagen - 1))
    momenten = (
        momenten.met_plek()
        .prefetch_related("activiteit__gemeenten")
        .order_by("begin", "activiteit__titel", "pk")
    )
    return list(momenten[:aantal])


def per_dag(momenten: list[Moment], op=None) -> list[Dagprogramma]:
    """Moments (in order) grouped by their local start day."""
    vandaag = timezone.localdate(op or timezone.now())
    dagen: dict[dt.date, list[Moment]] = {}
    for moment in momenten:
        dagen.setdefault(timezone.localdate(moment.begin), []).append(moment)
    return [Dagprogramma(datum, lijst, vandaag) for datum, lijst in dagen.items()]


# --- Places -------------------------------------------------------------------------------------


@dataclass
class Plek:
    """A place as a resident needs it on a list: open now? walk-in today? how far?"""

    locatie: Locatie
    status: Openingsstatus
    heeft_uren: bool
    vrije_inloop: list[Slot]
    vandaag: dt.date
    afstand_km: float | None = None
    in_gemeente: bool = False
    volgend_bezoek: Haltebezoek | None = None

    @property
    def volgende_dag(self) -> str:
        """The day of the next opening: “vandaag”, “morgen” or a weekday with its date."""
        if not self.status.volgende:
            return ""
        return dag_tekst(timezone.localdate(self.status.volgende.begin), self.vandaag)

    @property
    def bezoek_dag(self) -> str:
        if not self.volgend_bezoek:
            return ""
        return dag_tekst(timezone.localdate(self.volgend_bezoek.begin), self.vandaag)


def _plek(locatie: Locatie, op: dt.datetime) -> Plek:
    schema = locatie.openingsschema()
    vandaag = timezone.localdate(op)
    return Plek(
        locatie=locatie,
        status=schema.status(op),
        heeft_uren=schema.heeft_uren,
        # Walk-in slots of today that are not over yet: the ones still worth going to.
        vrije_inloop=[s for s in schema.vrije_inloop_op(vandaag) if s.einde > op],
        vandaag=vandaag,
    )


def plekken_van_het_huis(op=None) -> list[Plek]:
    """Every place of the Huis, the house first, with today's status.

    Three queries, and one more when there is a mobile house (for its next stop).
    """
    op = op or timezone.now()
    locaties = (
        Locatie.objects.met_openingsuren(timezone.localdate(op))
        .select_related("gemeente")
        .annotate(soort_volgorde=SOORT_VOLGORDE)
        .order_by("soort_volgorde", "gemeente__naam", "naam")
    )
    plekken = [_plek(locatie, op) for locatie in locaties]
    _volgende_bezoeken(plekken, op)
    return plekken


def met_vrije_inloop(plekken: list[Plek]) -> list[Plek]:
    """The places that still have a walk-in slot today."""
    return [plek for plek in plekken if plek.vrije_inloop]


@dataclass
class Buurt:
    """The places nearest to a gemeente, and the contact point a resident can go to."""

    plekken: list[Plek]
    dichtste_contactpunt: Plek | None


def _afstand_en_ligging(locatie: Locatie, gemeente: Gemeente) -> tuple[float | None, bool]:
    """Straight-line km from the gemeente's centre, and whether the place serves it directly.

    A mobile house is as near as its nearest stop, and lies in every gemeente it stops in.
    """
    centrum = gemeente.coordinaten
    if locatie.soort == Locatie.Soort.MOBIEL:
        haltes = list(locatie.haltes.all())
        in_gemeente = any(h.gemeente_id == gemeente.pk for h in haltes)
        punten = [h.plek_coordinaten for h in haltes if h.plek_coordinaten]
    else:
        in_gemeente = locatie.gemeente_id == gemeente.pk
        punten = [locatie.coordinaten] if locatie.heeft_coordinaten else []
    if centrum is None or not punten:
        return None, in_gemeente
    return min(afstand_km(centrum, punt) for punt in punten), in_gemeente


def dichtste_plekken(gemeente: Gemeente, *, aantal: int = 5, op=None) -> Buurt:
    """The ``aantal`` places nearest to ``gemeente``, with their status now.

    Sorted by straight-line distance from the gemeente's centre; places without coordinates
    come after those with. Without a centre, the places in the gemeente come first. The
    virtual house is left out (it is everywhere). A mobile house counts with its nearest
    stop and shows its next visit (in this gemeente if it stops here). Four queries, and one
    more when a mobile house is among them.
    """
    op = op or timezone.now()
    locaties = (
        Locatie.objects.exclude(soort=Locatie.Soort.VIRTUEEL)
        .met_openingsuren(timezone.localdate(op))
        .select_related("gemeente")
        .prefetch_related(
            Prefetch("haltes", queryset=Halte.objects.select_related("locatie", "gemeente"))
        )
    )
    plekken = []
    for locatie in locaties:
        plek = _plek(locatie, op)
        plek.afstand_km, plek.in_gemeente = _afstand_en_ligging(locatie, gemeente)
        plekken.append(plek)

    if gemeente.heeft_coordinaten:
        plekken.sort(
            key=lambda p: (
                p.afstand_km is None,
                p.afstand_km or 0,
                not p.in_gemeente,
                p.locatie.naam.casefold(),
            )
        )
    else:
        plekken.sort(key=lambda p: (not p.in_gemeente, p.locatie.naam.casefold()))

    dichtste = plekken[:aantal]
    contactpunt = next((p for p in plekken if p.locatie.is_contactpunt), None)
    _volgende_bezoeken([*dichtste, contactpunt], op, gemeente=gemeente)
    return Buurt(
        plekken=dichtste,
        dichtste_contactpunt=contactpunt,
    )


def _volgende_bezoeken(plekken: list[Plek | None], op: dt.datetime, gemeente=None) -> None:
    """Give each mobile house among ``plekken`` its next visit: one query for all of them.

    For a gemeente, the visit at a stop in that gemeente comes first, then the visit at the
    stop nearest to its centre; otherwise simply the first visit.
    """
    mobiele = {p.locatie.pk: p for p in plekken if p and p.locatie.soort == Locatie.Soort.MOBIEL}
    if not mobiele:
        return
    bezoeken = (
        Haltebezoek.objects.komend(op)
        .filter(
            halte__mobiel_huis__in=list(mobiele),
            begin__lt=op + dt.timedelta(days=MOBIEL_VOORUIT_DAGEN),
        )
        .select_related("halte__gemeente", "halte__locatie")
        .order_by("begin")
    )
    centrum = gemeente.coordinaten if gemeente is not None else None

    def voorkeur(bezoek):
        if gemeente is None:
            return (bezoek.begin,)
        punt = bezoek.halte.plek_coordinaten
        afstand = afstand_km(centrum, punt) if centrum and punt else float("inf")
        return (bezoek.halte.gemeente_id != gemeente.pk, afstand, bezoek.begin)

    per_huis: dict[int, list[Haltebezoek]] = {}
    for bezoek in bezoeken:
        per_huis.setdefault(bezoek.halte.mobiel_huis_id, []).append(bezoek)
    for pk, plek in mobiele.items():
        plek.volgend_bezoek = min(per_huis.get(pk, []), key=voorkeur, default=None)


# --- News and pages -----------------------------------------------------------------------------


def gepubliceerd_nieuws(*, gemeente: Gemeente | None = None):
    """Published news, newest first; with ``gemeente``: its own news and news for everyone."""
    nieuws = Nieuwsbericht.objects.gepubliceerd().select_related("gemeente")
    if gemeente is not None:
        nieuws = nieuws.voor_gemeente(gemeente)
    return nieuws.order_by("-publicatiedatum", "-pk")


def laatste_nieuws(*, gemeente: Gemeente | None = None, aantal: int = 3) -> list[Nieuwsbericht]:
    """The ``aantal`` newest published items (see ``gepubliceerd_nieuws``): one query."""
    return list(gepubliceerd_nieuws(gemeente=gemeente)[:aantal])


@dataclass(frozen=True)
class Tekstblok:
    soort: str  # "kop", "lijst" or "alinea"
    regels: tuple[str, ...]

    @property
    def tekst(self) -> str:
        return "\n".join(self.regels)


def tekstblokken(tekst: str) -> list[Tekstblok]:
    """Plain text as headings, lists and paragraphs, for a page a coordinator writes.

    A blank line starts a new paragraph; a line that starts with "## " is a heading and lines
    that start with "- " form a list. Nothing else is interpreted: the template escapes it all.
    """
    blokken: list[Tekstblok] = []
    for alinea in re.split(r"\n\s*\n", (tekst or "").replace("\r\n", "\n").strip()):
        huidig: tuple[str, list[str]] | None = None
        for regel in (r.strip() for r in alinea.split("\n")):
            if not regel:
                continue
            if regel.startswith("## "):
                soort, regel = "kop", regel[3:].strip()
            elif regel.startswith("- "):
                soort, regel = "lijst", regel[2:].strip()
            else:
                soort = "alinea"
            if huidig and huidig[0] == soort and soort != "kop":
                huidig[1].append(regel)
                continue
            if huidig:
                blokken.append(Tekstblok(huidig[0], tuple(huidig[1])))
            huidig = (soort, [regel])
        if huidig:
            blokken.append(Tekstblok(huidig[0], tuple(huidig[1])))
    return blokken


def pagina(soort: str) -> Pagina | None:
    """The page of this kind that the coordinator keeps, or None while it is not written."""
    return Pagina.objects.filter(soort=soort).first()
