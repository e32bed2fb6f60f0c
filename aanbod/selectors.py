"""Read models of the offer that pages and reports share."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from aanbod.models import Activiteit, Moment, Pijler
from gemeenten.models import Gemeente
from hvk.geo import afstand_km


@dataclass
class SpreidingRegel:
    """The offer of one gemeente in a period, beside its share of children and of poverty.

    *In* the gemeente: takes place at a place in it. *Beschikbaar*: a resident may use it
    (regional offer, or local offer for this gemeente), wherever it takes place. Moments are
    dated, not cancelled; ongoing services (doorlopend) count as activities, not as moments.
    Shares are percentages of the whole werkingsgebied.
    """

    gemeente: Gemeente
    activiteiten_in: int = 0
    momenten_in: int = 0
    activiteiten_beschikbaar: int = 0
    momenten_beschikbaar: int = 0
    momenten_in_per_1000_kinderen: float | None = None
    momenten_beschikbaar_per_1000_kinderen: float | None = None
    aandeel_kinderen: float | None = None
    aandeel_kansarmoede: float | None = None
    aandeel_momenten: float | None = None
    # Straight-line km from the gemeente's centre to the nearest place with offer of each
    # pillar available to it; None when the centre or every such place lacks coordinates.
    afstand_km: dict[str, float | None] = field(default_factory=dict)

    @property
    def minder_dan_aandeel_kinderen(self) -> bool:
        return _minder(self.aandeel_momenten, self.aandeel_kinderen)

    @property
    def minder_dan_aandeel_kansarmoede(self) -> bool:
        return _minder(self.aandeel_momenten, self.aandeel_kansarmoede)

    @property
    def minder_dan_aandeel(self) -> bool:
        """Gets a smaller share of the moments than its share of children *and* of poverty.

        Below one measure only can be a deliberate choice (a small, well-off gemeente; a city
        with most of the poverty); below both is the gap the partnership should look at.
        """
        metingen = [
            self.minder_dan_aandeel_kinderen,
            self.minder_dan_aandeel_kansarmoede if self.aandeel_kansarmoede is not None else True,
        ]
        return all(metingen)


@dataclass
class Spreiding:
    regels: list[SpreidingRegel]
    van: dt.date
    tot: dt.date
    momenten_totaal: int
    # False when a gemeente has no kansarmoede-index: shares of poverty are then not shown.
    kansarmoede_volledig: bool


def _minder(aandeel, verwacht) -> bool:
    return aandeel is not None and verwacht is not None and aandeel < verwacht


def _aandeel(deel, geheel) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def _per_1000(aantal, kinderen) -> float | None:
    return round(1000 * aantal / kinderen, 1) if kinderen else None


def _coordinaten(lat, lon):
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


def spreiding_per_gemeente(*, van: dt.date, tot: dt.date) -> Spreiding:
    """How the published offer from ``van`` to ``tot`` spreads over the gemeenten.

    Four queries whatever the amount of offer: the gemeenten, the moments in the period, the
    activities involved (those with such a moment, and the ongoing ones), and which gemeenten
    each local activity is for.
    """
    gemeenten = list(Gemeente.objects.order_by("naam"))
    momenten = list(
        Moment.objects.in_periode(van, tot)
        .filter(geannuleerd=False, activiteit__gepubliceerd=True)
        .values_list(
            "activiteit_id",
            "locatie_id",
            "locatie__gemeente_id",
            "locatie__breedtegraad",
            "locatie__lengtegraad",
        )
    )
    met_moment = {m[0] for m in momenten}
    activiteiten = {
        a["id"]: a
        for a in Activiteit.objects.gepubliceerd()
        .filter(Q(doorlopend=True) | Q(id__in=met_moment))
        .values(
            "id",
            "pijler",
            "bereik",
            "doorlopend",
            "locatie__gemeente_id",
            "locatie__breedtegraad",
            "locatie__lengtegraad",
        )
    }
    lokaal_voor: dict[int, set[int]] = {}
    for activiteit_id, gemeente_id in Activiteit.gemeenten.through.objects.filter(
        activiteit_id__in=activiteiten
    ).values_list("activiteit_id", "gemeente_id"):
        lokaal_voor.setdefault(activiteit_id, set()).add(gemeente_id)

    # Where each moment takes place: its own place, or else its activity's.
    plekken = []  # (activity id, gemeente id of the place, coordinates)
    for activiteit_id, locatie_id, gemeente_id, lat, lon in momenten:
        a = activiteiten[activiteit_id]
        if locatie_id is None:
            gemeente_id = a["locatie__gemeente_id"]
            lat, lon = a["locatie__breedtegraad"], a["locatie__lengtegraad"]
        plekken.append((activiteit_id, gemeente_id, _coordinaten(lat, lon)))
    doorlopend = [a for a in activiteiten.values() if a["doorlopend"]]

    def beschikbaar(activiteit_id, gemeente_id) -> bool:
        a = activiteiten[activiteit_id]
        return a["bereik"] == Activiteit.Bereik.REGIONAAL or gemeente_id in lokaal_voor.get(
            activiteit_id, ()
        )

    kinderen_totaal = sum(g.kinderen_0_12 for g in gemeenten)
    kansarmoede_volledig = all(g.kansarmoede_index is not None for g in gemeenten)
    gewicht = {g.pk: g.kinderen_0_12 * float(g.kansarmoede_index or 0) for g in gemeenten}
    gewicht_totaal = sum(gewicht.values())
    momenten_in_gebied = sum(1 for p in plekken if p[1] is not None)

    regels = []
    for g in gemeenten:
        regel = SpreidingRegel(gemeente=g)
        in_g = [p for p in plekken if p[1] == g.pk]
        voor_g = [p for p in plekken if beschikbaar(p[0], g.pk)]
        doorlopend_in = {a["id"] for a in doorlopend if a["locatie__gemeente_id"] == g.pk}
        doorlopend_voor = {a["id"] for a in doorlopend if beschikbaar(a["id"], g.pk)}
        regel.momenten_in = len(in_g)
        regel.momenten_beschikbaar = len(voor_g)
        regel.activiteiten_in = len({p[0] for p in in_g} | doorlopend_in)
        regel.activiteiten_beschikbaar = len({p[0] for p in voor_g} | doorlopend_voor)
        regel.momenten_in_per_1000_kinderen = _per_1000(regel.momenten_in, g.kinderen_0_12)
        regel.momenten_beschikbaar_per_1000_kinderen = _per_1000(
            regel.momenten_beschikbaar, g.kinderen_0_12
        )
        regel.aandeel_kinderen = _aandeel(g.kinderen_0_12, kinderen_totaal)
        if kansarmoede_volledig:
            regel.aandeel_kansarmoede = _aandeel(gewicht[g.pk], gewicht_totaal)
        regel.aandeel_momenten = _aandeel(regel.momenten_in, momenten_in_gebied)

        centrum = g.coordinaten
        for pijler in Pijler.values:
            afstanden = [
                afstand_km(centrum, p[2])
                for p in voor_g
                if centrum and p[2] and activiteiten[p[0]]["pijler"] == pijler
            ]
            afstanden += [
                afstand_km(centrum, plek)
                for a in doorlopend
                if centrum
                and a["pijler"] == pijler
                and a["id"] in doorlopend_voor
                and (plek := _coordinaten(a["locatie__breedtegraad"], a["locatie__lengtegraad"]))
            ]
            regel.afstand_km[pijler] = round(min(afstanden), 1) if afstanden else None
        regels.append(regel)

    return Spreiding(
        regels=regels,
        van=van,
        tot=tot,
        momenten_totaal=len(plekken),
        kansarmoede_volledig=kansarmoede_volledig,
    )
