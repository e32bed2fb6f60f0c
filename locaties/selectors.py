"""Read models of places that the public pages (and the gemeente doors) share.

Every function here costs a fixed number of queries, however many places, stops or visits
there are: the rows a page shows are loaded in bulk and opening hours are computed in Python
(``locaties.openingsuren``).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from hvk.geo import afstand_km
from hvk.herhaling import lokale_tijd
from locaties.models import Halte, Haltebezoek, Halteschema, Locatie
from locaties.openingsuren import Openingsstatus, Slot

# Places without an address of their own: listed for the whole area, not under one gemeente.
ONDERWEG_OF_ONLINE = (Locatie.Soort.MOBIEL, Locatie.Soort.VIRTUEEL)


@dataclass(frozen=True)
class LocatieMetStatus:
    """A place as a resident scans it in a list: open now, next opening, walk-in today.

    ``volgend_bezoek`` is the next (not cancelled) stop of a mobile house, ``afstand_km`` the
    distance from a gemeente's centre when the list was ordered by distance.
    """

    locatie: Locatie
    status: Openingsstatus
    vrije_inloop_vandaag: list[Slot]
    heeft_uren: bool
    vandaag: dt.date
    volgend_bezoek: Haltebezoek | None = None
    afstand_km: float | None = None

    @property
    def opent_vandaag(self) -> bool:
        volgende = self.status.volgende
        return bool(volgende) and timezone.localdate(volgende.begin) == self.vandaag

    @property
    def opent_morgen(self) -> bool:
        volgende = self.status.volgende
        return bool(volgende) and timezone.localdate(volgende.begin) == self.vandaag + dt.timedelta(
            days=1
        )

    @property
    def is_onderweg_of_online(self) -> bool:
        return self.locatie.soort in ONDERWEG_OF_ONLINE

    @property
    def halte_gemeenten(self) -> list[str]:
        """Names of the gemeenten a mobile house stops in (from the prefetched stops)."""
        if self.locatie.soort != Locatie.Soort.MOBIEL:
            return []
        return sorted({halte.gemeente.naam for halte in self.locatie.haltes.all()})


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


def _volgend_bezoek_subquery(op: dt.datetime):
    return Subquery(
        Haltebezoek.objects.filter(
            halte__mobiel_huis=OuterRef("pk"), geannuleerd=False, einde__gte=op
        )
        .order_by("begin")
        .values("pk")[:1]
    )


def locaties_met_status(
    op: dt.datetime | None = None, *, gemeente=None, soort: str | None = None
) -> list[LocatieMetStatus]:
    """Every place with its opening status at ``op`` (default now), for the places list.

    With ``gemeente``: the fixed places in that gemeente, the mobile houses that stop there
    (or are based there) and the virtual houses, which serve every gemeente. With ``soort``
    (a ``Locatie.Soort`` value): only places of that kind. Ordered by gemeente name, then by
    name; mobile and virtual houses last. Each mobile house carries its next visit and its
    stops (``locatie.haltes.all()``, with gemeente and place loaded).

    At most five queries (four without a mobile house), whatever the number of places.
    """
    op = op or timezone.now()
    locaties = Locatie.objects.select_related("gemeente").met_openingsuren(
        vanaf=timezone.localdate(op)
    )
    if gemeente is not None:
        stopt_hier = Exists(Halte.objects.filter(mobiel_huis=OuterRef("pk"), gemeente=gemeente))
        locaties = locaties.filter(
            Q(gemeente=gemeente)
            | Q(soort=Locatie.Soort.VIRTUEEL)
            | Q(stopt_hier, soort=Locatie.Soort.MOBIEL)
        )
    if soort:
        locaties = locaties.filter(soort=soort)
    locaties = locaties.prefetch_related(
        Prefetch("haltes", queryset=Halte.objects.select_related("gemeente", "locatie"))
    ).annotate(volgend_bezoek_id=_volgend_bezoek_subquery(op))
    locaties = list(locaties)

    bezoeken = _bezoeken([loc.volgend_bezoek_id for loc in locaties])
    resultaat = [
        _met_status(loc, op, volgend_bezoek=bezoeken.get(loc.volgend_bezoek_id)) for loc in locaties
    ]
    resultaat.sort(key=_lijstvolgorde)
    return resultaat


def _lijstvolgorde(item: LocatieMetStatus) -> tuple:
    # Fixed places always have a gemeente (a database constraint); the others come last.
    gemeente = "" if item.is_onderweg_of_online else item.locatie.gemeente.naam
    return (item.is_onderweg_of_online, gemeente, item.locatie.naam.casefold())


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
    import ``aanbod``, so the model is taken from the reverse relation. One query.
    """
    op = op or timezone.now()
    moment_model = locatie.momenten.model
    return list(
        moment_model.objects.filter(
            Q(locatie=locatie) | Q(locatie__isnull=True, activiteit__locatie=locatie),
            geannuleerd=False,
            activiteit__gepubliceerd=True,
            einde__gte=op,
        )
        .select_related("activiteit")
        .order_by("begin", "pk")[:aantal]
    )


def doorlopend_aanbod(locatie: Locatie):
    """Published ongoing services at ``locatie`` (no dated moments: during opening hours)."""
    return list(locatie.activiteiten.filter(gepubliceerd=True, doorlopend=True).order_by("titel"))


def dichtste_locaties(
    gemeente, aantal: int = 3, op: dt.datetime | None = None
) -> list[LocatieMetStatus]:
    """The ``aantal`` places nearest to the centre of ``gemeente``, nearest first.

    The distance is a straight line (``hvk.geo.afstand_km``) from the gemeente's centre to
    the place, given as ``afstand_km``; a mobile house is as near as its nearest stop and
    carries its next visit. The virtual house is left out (it is everywhere), and so are
    places without coordinates. Equal distances fall back to the name. When the gemeente has
    no coordinates of its own, its own places (for a mobile house: one that stops there)
    come first, then the others by name, without distances. Each place carries its opening
    status at ``op`` (default now). Five queries at most, whatever the number of places.
    """
    op = op or timezone.now()
    locaties = (
        Locatie.objects.exclude(soort=Locatie.Soort.VIRTUEEL)
        .select_related("gemeente")
        .met_openingsuren(vanaf=timezone.localdate(op))
        .prefetch_related(
            Prefetch("haltes", queryset=Halte.objects.select_related("gemeente", "locatie"))
        )
        .annotate(volgend_bezoek_id=_volgend_bezoek_subquery(op))
    )
    centrum = gemeente.coordinaten
    if centrum is None:
        gekozen = sorted(
            ((None, loc) for loc in locaties),
            key=lambda rij: (not _ligt_in(rij[1], gemeente), rij[1].naam.casefold()),
        )
    else:
        gekozen = sorted(
            ((afstand, loc) for loc in locaties if (afstand := _afstand(centrum, loc)) is not None),
            key=lambda rij: (rij[0], rij[1].naam.casefold()),
        )
    gekozen = gekozen[:aantal]
    bezoeken = _bezoeken([loc.volgend_bezoek_id for _, loc in gekozen])
    return [
        _met_status(loc, op, afstand_km=afstand, volgend_bezoek=bezoeken.get(loc.volgend_bezoek_id))
        for afstand, loc in gekozen
    ]


def _punten(locatie: Locatie) -> list[tuple[float, float]]:
    if locatie.soort == Locatie.Soort.MOBIEL:
        return [h.plek_coordinaten for h in locatie.haltes.all() if h.plek_coordinaten]
    return [locatie.coordinaten] if locatie.heeft_coordinaten else []


def _afstand(centrum: tuple[float, float], locatie: Locatie) -> float | None:
    punten = _punten(locatie)
    return min(afstand_km(centrum, punt) for punt in punten) if punten else None


def _ligt_in(locatie: Locatie, gemeente) -> bool:
    if locatie.soort == Locatie.Soort.MOBIEL:
        return any(h.gemeente_id == gemeente.pk for h in locatie.haltes.all())
    return locatie.gemeente_id == gemeente.pk


def _bezoeken(ids) -> dict:
    ids = [i for i in ids if i]
    if not ids:
        return {}
    return Haltebezoek.objects.select_related("halte__gemeente").in_bulk(ids)
