"""Read models of places that the public pages share: the places pages, the home, the doors.

Every function here costs a fixed number of queries, however many places, stops or visits
there are: the rows a page shows are loaded in bulk and opening hours are computed in Python
(``locaties.openingsuren``).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from hvk.geo import afstand_km
from hvk.herhaling import lokale_tijd
from locaties.models import Halte, Haltebezoek, Halteschema, Locatie
from locaties.openingsuren import Openingsstatus, Slot

# Places without an address of their own: listed for the whole area, not under one gemeente.
ONDERWEG_OF_ONLINE = (Locatie.Soort.MOBIEL, Locatie.Soort.VIRTUEEL)

# The order of a list where neither gemeente nor distance decides: the house first.
HUIS_EERST = (
    Locatie.Soort.CENTRAAL_HUIS,
    Locatie.Soort.FYSIEK_HUIS,
    Locatie.Soort.ANTENNE,
    Locatie.Soort.ONTMOETINGSPLEK,
    Locatie.Soort.MOBIEL,
    Locatie.Soort.VIRTUEEL,
)

# How far ahead a mobile house's next stop is looked up: a resident plans the coming weeks,
# and a stop in the gemeente months away should not hide one nearby next week.
VOLGEND_BEZOEK_DAGEN = 62


@dataclass(frozen=True)
class LocatieMetStatus:
    """A place as a resident scans it in a list: open now, next opening, walk-in today.

    ``volgend_bezoek`` is the next (not cancelled) stop of a mobile house. On a list of the
    places nearest to a gemeente, ``afstand_km`` is the distance from its centre (None when
    either has no coordinates) and ``in_gemeente`` says the place lies there (a mobile house:
    stops there).
    """

    locatie: Locatie
    status: Openingsstatus
    vrije_inloop_vandaag: list[Slot]
    heeft_uren: bool
    vandaag: dt.date
    volgend_bezoek: Haltebezoek | None = None
    afstand_km: float | None = None
    in_gemeente: bool = False

    @property
    def volgende_dag(self) -> str:
        """The day of the next opening: “vandaag”, “morgen” or “wo 2 dec”."""
        if not self.status.volgende:
            return ""
        return _dag_tekst(timezone.localdate(self.status.volgende.begin), self.vandaag)

    @property
    def bezoek_dag(self) -> str:
        """The day of a mobile house's next stop, said the same way."""
        if not self.volgend_bezoek:
            return ""
        return _dag_tekst(timezone.localdate(self.volgend_bezoek.begin), self.vandaag)

    @property
    def is_onderweg_of_online(self) -> bool:
        return self.locatie.soort in ONDERWEG_OF_ONLINE

    @property
    def halte_gemeenten(self) -> list[str]:
        """Names of the gemeenten a mobile house stops in (from the prefetched stops)."""
        if self.locatie.soort != Locatie.Soort.MOBIEL:
            return []
        return sorted({halte.gemeente.naam for halte in self.locatie.haltes.all()})


@dataclass(frozen=True)
class Buurt:
    """The places nearest to a gemeente, and the nearest one that answers questions."""

    locaties: list[LocatieMetStatus]
    dichtste_contactpunt: LocatieMetStatus | None


def _dag_tekst(datum: dt.date, vandaag: dt.date) -> str:
    if datum == vandaag:
        return gettext("vandaag")
    if datum == vandaag + dt.timedelta(days=1):
        return gettext("morgen")
    return date_format(datum, "D j b")


def _met_status(locatie: Locatie, op: dt.datetime, **extra) -> LocatieMetStatus:
    schema = locatie.openingsschema()
    vandaag = timezone.localdate(op)
    return LocatieMetStatus(
        locatie=locatie,
        status=schema.status(op),
        # Only what is still ahead today: a walk-in that ended this morning helps nobody.
        vrije_inloop_vandaag=[s for s in schema.vrije_inloop_op(vandaag) if s.einde > op],
        heeft_uren=schema.heeft_uren,
        vandaag=vandaag,
        **extra,
    )


def _locaties(op: dt.datetime):
    """Places with what their status needs: gemeente, hours and exceptions (three queries)."""
    return Locatie.objects.select_related("gemeente").met_openingsuren(vanaf=timezone.localdate(op))


def _met_haltes(locaties: list[Locatie]) -> list[Locatie]:
    """Load the stops of the mobile houses among ``locaties``: one query, none without one.

    Only a mobile house has stops, so the other places are not asked for theirs.
    """
    prefetch_related_objects(
        [loc for loc in locaties if loc.soort == Locatie.Soort.MOBIEL],
        Prefetch("haltes", queryset=Halte.objects.select_related("gemeente", "locatie")),
    )
    return locaties


def _volgende_bezoeken(locaties, op: dt.datetime, gemeente=None) -> dict[int, Haltebezoek]:
    """The next visit of each mobile house among ``locaties``, by pk: one query for all.

    Only visits not cancelled, not over and starting in the next ``VOLGEND_BEZOEK_DAGEN``
    count. Seen from a gemeente, a visit at a stop in that gemeente comes first, then a visit
    at the stop nearest to its centre, then the earliest; otherwise simply the earliest.
    """
    mobiel = [loc.pk for loc in locaties if loc.soort == Locatie.Soort.MOBIEL]
    if not mobiel:
        return {}
    bezoeken = (
        Haltebezoek.objects.komend(op)
        .filter(
            halte__mobiel_huis__in=mobiel,
            begin__lt=op + dt.timedelta(days=VOLGEND_BEZOEK_DAGEN),
        )
        .select_related("halte__gemeente", "halte__locatie")
        .order_by("begin", "pk")
    )
    centrum = gemeente.coordinaten if gemeente is not None else None

    def voorkeur(bezoek):
        if gemeente is None:
            return (bezoek.begin,)
        punt = bezoek.halte.plek_coordinaten
        afstand = afstand_km(centrum, punt) if centrum and punt else float("inf")
        return (bezoek.halte.gemeente_id != gemeente.pk, afstand, bezoek.begin)

    gekozen: dict[int, Haltebezoek] = {}
    for bezoek in bezoeken:
        huis = bezoek.halte.mobiel_huis_id
        if huis not in gekozen or voorkeur(bezoek) < voorkeur(gekozen[huis]):
            gekozen[huis] = bezoek
    return gekozen


def locaties_met_status(
    op: dt.datetime | None = None,
    *,
    gemeente=None,
    soort: str | None = None,
    huis_eerst: bool = False,
) -> list[LocatieMetStatus]:
    """Every place with its opening status at ``op`` (default now).

    With ``gemeente``: the fixed places in that gemeente, the mobile houses that stop there
    (or are based there) and the virtual houses, which serve every gemeente. With ``soort``
    (a ``Locatie.Soort`` value): only places of that kind. Ordered by gemeente name, then by
    name, mobile and virtual houses last; with ``huis_eerst`` by kind first, the house first
    (``HUIS_EERST``). Each mobile house carries its next visit (seen from ``gemeente`` when
    given, see ``_volgende_bezoeken``) and its stops (``locatie.haltes.all()``, with gemeente
    and place loaded).

    Three queries, and two more when there is a mobile house, whatever the number of places.
    """
    op = op or timezone.now()
    locaties = _locaties(op)
    if gemeente is not None:
        stopt_hier = Exists(Halte.objects.filter(mobiel_huis=OuterRef("pk"), gemeente=gemeente))
        locaties = locaties.filter(
            Q(gemeente=gemeente)
            | Q(soort=Locatie.Soort.VIRTUEEL)
            | Q(stopt_hier, soort=Locatie.Soort.MOBIEL)
        )
    if soort:
        locaties = locaties.filter(soort=soort)
    locaties = _met_haltes(list(locaties))
    bezoeken = _volgende_bezoeken(locaties, op, gemeente)
    resultaat = [_met_status(loc, op, volgend_bezoek=bezoeken.get(loc.pk)) for loc in locaties]
    resultaat.sort(key=_huis_eerst if huis_eerst else _lijstvolgorde)
    return resultaat


def _lijstvolgorde(item: LocatieMetStatus) -> tuple:
    # Fixed places always have a gemeente (a database constraint); the others come last.
    gemeente = "" if item.is_onderweg_of_online else item.locatie.gemeente.naam
    return (item.is_onderweg_of_online, gemeente, item.locatie.naam.casefold())


def _huis_eerst(item: LocatieMetStatus) -> tuple:
    gemeente = item.locatie.gemeente.naam if item.locatie.gemeente else ""
    return (HUIS_EERST.index(item.locatie.soort), gemeente, item.locatie.naam.casefold())


def locatie_met_status(
    locatie: Locatie,
    op: dt.datetime | None = None,
    volgend_bezoek: Haltebezoek | None = None,
) -> LocatieMetStatus:
    """One place's status at ``op``; prefetch ``met_openingsuren()`` to keep it query-free.

    A mobile house's next visit is not looked up here: pass it when the page has it.
    """
    return _met_status(locatie, op or timezone.now(), volgend_bezoek=volgend_bezoek)


def komende_haltebezoeken(
    mobiel_huis: Locatie, tot: dt.date, op: dt.datetime | None = None
) -> list[Haltebezoek]:
    """The visits of a mobile house not over at ``op`` (default now) that start by ``tot``.

    Cancelled visits are included (``geannuleerd``), so the page can say a stop is off rather
    than leave a resident wondering. Ordered by start, with the stop, its gemeente and its
    place loaded. One query.
    """
    op = op or timezone.now()
    einde = lokale_tijd(tot + dt.timedelta(days=1), dt.time())
    return list(
        Haltebezoek.objects.filter(halte__mobiel_huis=mobiel_huis, einde__gte=op, begin__lt=einde)
        .select_related("halte__gemeente", "halte__locatie")
        .order_by("begin", "halte__naam")
    )


def haltes_met_schema(mobiel_huis: Locatie, op: dt.datetime | None = None) -> list[Halte]:
    """The stops of a mobile house with their schedules still valid on ``op``'s day.

    Each stop's ``geldige_schemas`` lists its rules (``omschrijving`` reads them out); stops
    without a valid rule come last. Two queries.
    """
    vandaag = timezone.localdate(op or timezone.now())
    geldig = Halteschema.objects.filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag)
    ).order_by("weekdag", "week_van_de_maand", "begintijd")
    haltes = (
        Halte.objects.filter(mobiel_huis=mobiel_huis)
        .select_related("gemeente", "locatie")
        .prefetch_related(Prefetch("schemas", queryset=geldig, to_attr="geldige_schemas"))
    )
    return sorted(haltes, key=lambda h: (not h.geldige_schemas, h.gemeente.naam, h.naam.casefold()))


def komende_momenten(locatie: Locatie, op: dt.datetime | None = None, aantal: int = 10):
    """The next ``aantal`` moments of published activities at ``locatie``, not cancelled.

    A moment without a place of its own happens at its activity's place. ``locaties`` may not
    import ``aanbod``, so the model is taken from the reverse relation. Two queries, one per
    way a moment can be here, each of which the database answers from an index whatever the
    size of the place: the moments with this place of their own (index on place and begin),
    and the moments without one of the activities held here. One query with an OR of the two
    walks every coming moment of the whole area in date order until it has ten of this place
    (slow for a place with little offer, such as the mobile house, once there are years of
    offer); a list of the activities' ids instead grows with the offer of a busy place.
    """
    op = op or timezone.now()
    basis = (
        locatie.momenten.model.objects.komend(op)
        .filter(geannuleerd=False, activiteit__gepubliceerd=True)
        .select_related("activiteit")
        .order_by("begin", "pk")
    )
    eigen = list(basis.filter(locatie=locatie)[:aantal])
    hier = locatie.activiteiten.order_by().values("pk")
    van_activiteit = list(basis.filter(locatie__isnull=True, activiteit_id__in=hier)[:aantal])
    return sorted(eigen + van_activiteit, key=lambda m: (m.begin, m.pk))[:aantal]


def doorlopend_aanbod(locatie: Locatie):
    """Published ongoing services at ``locatie`` (no dated moments: during opening hours)."""
    return list(locatie.activiteiten.filter(gepubliceerd=True, doorlopend=True).order_by("titel"))


def dichtste_locaties(gemeente, *, aantal: int = 5, op: dt.datetime | None = None) -> Buurt:
    """The ``aantal`` places nearest to the centre of ``gemeente``, and its nearest contact point.

    The distance is a straight line (``hvk.geo.afstand_km``) from the gemeente's centre to
    the place, given as ``afstand_km``; a mobile house is as near as its nearest stop.
    Nearest first; at an equal distance the places in the gemeente (``in_gemeente``) first,
    then by name. Places without coordinates come after those with, without a distance; so
    when the gemeente has no centre, its own places come first, then the others by name.
    The virtual house is left out (it is everywhere). ``dichtste_contactpunt`` is the first
    contact point in that order, also when it is not among the ``aantal``. A mobile house
    carries its next visit seen from the gemeente (``_volgende_bezoeken``); every place its
    opening status at ``op`` (default now).

    Three queries, and two more when there is a mobile house, whatever the number of places.
    """
    op = op or timezone.now()
    locaties = _met_haltes(list(_locaties(op).exclude(soort=Locatie.Soort.VIRTUEEL)))
    centrum = gemeente.coordinaten
    rijen = sorted(
        ((_afstand(centrum, loc), _ligt_in(loc, gemeente), loc) for loc in locaties),
        key=lambda rij: (rij[0] is None, rij[0] or 0, not rij[1], rij[2].naam.casefold()),
    )
    dichtste = rijen[:aantal]
    contactpunt = next((rij for rij in rijen if rij[2].is_contactpunt), None)
    getoond = [*dichtste, contactpunt] if contactpunt else dichtste
    bezoeken = _volgende_bezoeken([loc for _, _, loc in getoond], op, gemeente)
    items = {
        loc.pk: _met_status(
            loc,
            op,
            afstand_km=afstand,
            in_gemeente=in_gemeente,
            volgend_bezoek=bezoeken.get(loc.pk),
        )
        for afstand, in_gemeente, loc in getoond
    }
    return Buurt(
        locaties=[items[loc.pk] for _, _, loc in dichtste],
        dichtste_contactpunt=items[contactpunt[2].pk] if contactpunt else None,
    )


def _punten(locatie: Locatie) -> list[tuple[float, float]]:
    if locatie.soort == Locatie.Soort.MOBIEL:
        return [h.plek_coordinaten for h in locatie.haltes.all() if h.plek_coordinaten]
    return [locatie.coordinaten] if locatie.heeft_coordinaten else []


def _afstand(centrum: tuple[float, float] | None, locatie: Locatie) -> float | None:
    punten = _punten(locatie) if centrum else []
    return min(afstand_km(centrum, punt) for punt in punten) if punten else None


def _ligt_in(locatie: Locatie, gemeente) -> bool:
    if locatie.soort == Locatie.Soort.MOBIEL:
        return any(h.gemeente_id == gemeente.pk for h in locatie.haltes.all())
    return locatie.gemeente_id == gemeente.pk
