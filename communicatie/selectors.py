"""Read models of the public pages: the shared home, each gemeente's door, news and pages.

The places these pages show, with their status, come from ``locaties.selectors``. Every
selector loads what its page renders in a fixed number of queries, whatever the number of
moments or news items: a template never queries in a loop.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from aanbod.models import Moment
from communicatie.models import Nieuwsbericht, Pagina
from gemeenten.models import Gemeente


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
