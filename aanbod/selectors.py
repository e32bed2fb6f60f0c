"""Read models of the offer that pages and reports share."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from aanbod.models import Activiteit, Bereikcijfer, Doelgroep, Inschrijving, Moment, Pijler
from gemeenten.models import Gemeente, Thema
from hvk.geo import afstand_km
from hvk.herhaling import lokale_tijd
from locaties.models import Taal, Uitzondering


@dataclass(frozen=True)
class DichtsteAanbod:
    """For one pillar: where a resident of the gemeente finds the nearest offer."""

    pijler: Pijler
    in_de_gemeente_zelf: bool
    afstand_km: float | None
    dichtstbij_in: Gemeente | None
    # Activities of the pillar available to the gemeente: 0 when nothing is planned.
    activiteiten: int


@dataclass
class SpreidingRegel:
    """The offer of one gemeente in a period, beside its share of children and of poverty.

    *In* the gemeente: takes place at a place in it. *Beschikbaar*: a resident may use it
    (regional offer, or local offer for this gemeente), wherever it takes place. Moments are
    dated, not cancelled; ongoing services (doorlopend) count as activities, not as moments.
    Shares are percentages of the whole werkingsgebied; "per 1,000" is per 1,000 children of
    0-12 living in the gemeente (None when that number is 0).
    """

    gemeente: Gemeente
    activiteiten_in: int = 0
    momenten_in: int = 0
    activiteiten_beschikbaar: int = 0
    momenten_beschikbaar: int = 0
    activiteiten_in_per_1000_kinderen: float | None = None
    activiteiten_beschikbaar_per_1000_kinderen: float | None = None
    momenten_in_per_1000_kinderen: float | None = None
    momenten_beschikbaar_per_1000_kinderen: float | None = None
    aandeel_kinderen: float | None = None
    aandeel_kansarmoede: float | None = None
    aandeel_momenten: float | None = None
    # Straight-line km from the gemeente's centre to the nearest place with offer of each
    # pillar available to it; None when the centre or every such place lacks coordinates.
    afstand_km: dict[str, float | None] = field(default_factory=dict)
    # The gemeente that nearest place lies in (None for a place without a gemeente, or when
    # there is no distance).
    dichtstbij_in: dict[str, Gemeente | None] = field(default_factory=dict)
    # Offer of the pillar available to the gemeente takes place in the gemeente itself: a
    # resident need not leave it, wherever its centre lies.
    in_de_gemeente_zelf: dict[str, bool] = field(default_factory=dict)
    # The same counts per pillar (``Pijler`` values; every pillar present, zero when none).
    momenten_in_per_pijler: dict[str, int] = field(default_factory=dict)
    momenten_beschikbaar_per_pijler: dict[str, int] = field(default_factory=dict)
    activiteiten_beschikbaar_per_pijler: dict[str, int] = field(default_factory=dict)

    @property
    def dichtste_aanbod(self) -> list[DichtsteAanbod]:
        """Per pillar (in the pillars' order) the nearest offer, for a page to list."""
        return [
            DichtsteAanbod(
                pijler=pijler,
                in_de_gemeente_zelf=self.in_de_gemeente_zelf.get(pijler, False),
                afstand_km=self.afstand_km.get(pijler),
                dichtstbij_in=self.dichtstbij_in.get(pijler),
                activiteiten=self.activiteiten_beschikbaar_per_pijler.get(pijler, 0),
            )
            for pijler in Pijler
        ]

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


def spreiding_per_gemeente(
    *, van: dt.date, tot: dt.date, gemeenten: list[Gemeente] | None = None
) -> Spreiding:
    """How the published offer from ``van`` to ``tot`` spreads over the gemeenten.

    Four queries whatever the amount of offer: the gemeenten, the moments in the period with
    what the spread needs of their activity (counted per activity and place, so the rows grow
    with the offer's places, not with its dates), the ongoing activities, and which gemeenten
    each local activity is for. A page that has loaded all the participating gemeenten
    already passes them as ``gemeenten`` (ordered by name) and saves the first query.
    """
    if gemeenten is None:
        gemeenten = list(Gemeente.objects.order_by("naam"))
    momenten = (
        Moment.objects.in_periode(van, tot)
        .filter(geannuleerd=False, activiteit__gepubliceerd=True)
        # No ordering: it would split the groups.
        .order_by()
        .values_list(
            "activiteit_id",
            "locatie_id",
            "locatie__gemeente_id",
            "locatie__breedtegraad",
            "locatie__lengtegraad",
            "activiteit__pijler",
            "activiteit__bereik",
            "activiteit__locatie__gemeente_id",
            "activiteit__locatie__breedtegraad",
            "activiteit__locatie__lengtegraad",
        )
        .annotate(aantal=Count("id"))
    )
    # Where the offer takes place, one row per activity and place:
    # (activity id, pillar, regional, gemeente id of the place, coordinates, moments).
    plekken = []
    for a_id, l_id, g_id, lat, lon, pijler, bereik, a_g_id, a_lat, a_lon, aantal in momenten:
        if l_id is None:
            # A moment without a place of its own takes place at its activity's.
            g_id, lat, lon = a_g_id, a_lat, a_lon
        regionaal = bereik == Activiteit.Bereik.REGIONAAL
        plekken.append((a_id, pijler, regionaal, g_id, _coordinaten(lat, lon), aantal))
    # An ongoing service takes place at its activity's place and counts no moments.
    for a in (
        Activiteit.objects.gepubliceerd()
        .filter(doorlopend=True)
        .values_list(
            "id",
            "pijler",
            "bereik",
            "locatie__gemeente_id",
            "locatie__breedtegraad",
            "locatie__lengtegraad",
        )
    ):
        a_id, pijler, bereik, g_id, lat, lon = a
        regionaal = bereik == Activiteit.Bereik.REGIONAAL
        plekken.append((a_id, pijler, regionaal, g_id, _coordinaten(lat, lon), None))
    lokaal_voor: dict[int, set[int]] = {}
    for activiteit_id, gemeente_id in Activiteit.gemeenten.through.objects.filter(
        activiteit__gepubliceerd=True, activiteit__bereik=Activiteit.Bereik.LOKAAL
    ).values_list("activiteit_id", "gemeente_id"):
        lokaal_voor.setdefault(activiteit_id, set()).add(gemeente_id)

    per_id = {g.pk: g for g in gemeenten}
    kinderen_totaal = sum(g.kinderen_0_12 for g in gemeenten)
    kansarmoede_volledig = all(g.kansarmoede_index is not None for g in gemeenten)
    gewicht = {g.pk: g.kinderen_0_12 * float(g.kansarmoede_index or 0) for g in gemeenten}
    gewicht_totaal = sum(gewicht.values())
    momenten_totaal = sum(p[5] or 0 for p in plekken)
    momenten_in_gebied = sum(p[5] or 0 for p in plekken if p[3] is not None)
    geen = frozenset()

    regels = []
    for g in gemeenten:
        regel = SpreidingRegel(gemeente=g)
        in_per_pijler = dict.fromkeys(Pijler.values, 0)
        beschikbaar_per_pijler = dict.fromkeys(Pijler.values, 0)
        activiteiten_in: set[int] = set()
        beschikbaar: dict[str, set[int]] = {pijler: set() for pijler in Pijler.values}
        zelf = dict.fromkeys(Pijler.values, False)
        # Per pillar, the places (coordinates, their gemeente) with offer available to g.
        plaatsen: dict[str, set] = {pijler: set() for pijler in Pijler.values}
        for a_id, pijler, regionaal, g_id, coordinaten, aantal in plekken:
            if g_id == g.pk:
                activiteiten_in.add(a_id)
                in_per_pijler[pijler] += aantal or 0
            if not (regionaal or g.pk in lokaal_voor.get(a_id, geen)):
                continue
            beschikbaar_per_pijler[pijler] += aantal or 0
            beschikbaar[pijler].add(a_id)
            if g_id == g.pk:
                zelf[pijler] = True
            if coordinaten:
                plaatsen[pijler].add((coordinaten, g_id))

        regel.momenten_in = sum(in_per_pijler.values())
        regel.momenten_beschikbaar = sum(beschikbaar_per_pijler.values())
        regel.activiteiten_in = len(activiteiten_in)
        regel.activiteiten_beschikbaar = len(set().union(*beschikbaar.values()))
        kinderen = g.kinderen_0_12
        regel.activiteiten_in_per_1000_kinderen = _per_1000(regel.activiteiten_in, kinderen)
        regel.activiteiten_beschikbaar_per_1000_kinderen = _per_1000(
            regel.activiteiten_beschikbaar, kinderen
        )
        regel.momenten_in_per_1000_kinderen = _per_1000(regel.momenten_in, kinderen)
        regel.momenten_beschikbaar_per_1000_kinderen = _per_1000(
            regel.momenten_beschikbaar, kinderen
        )
        regel.aandeel_kinderen = _aandeel(g.kinderen_0_12, kinderen_totaal)
        if kansarmoede_volledig:
            regel.aandeel_kansarmoede = _aandeel(gewicht[g.pk], gewicht_totaal)
        regel.aandeel_momenten = _aandeel(regel.momenten_in, momenten_in_gebied)

        centrum = g.coordinaten
        for pijler in Pijler.values:
            regel.momenten_in_per_pijler[pijler] = in_per_pijler[pijler]
            regel.momenten_beschikbaar_per_pijler[pijler] = beschikbaar_per_pijler[pijler]
            regel.activiteiten_beschikbaar_per_pijler[pijler] = len(beschikbaar[pijler])
            regel.in_de_gemeente_zelf[pijler] = zelf[pijler]
            # Sorted, so that of two places equally near the same one wins every time.
            afstanden = (
                [(afstand_km(centrum, c), gemeente_id) for c, gemeente_id in plaatsen[pijler]]
                if centrum
                else []
            )
            km, gemeente_id = min(
                afstanden, key=lambda a: (a[0], a[1] is None, a[1] or 0), default=(None, None)
            )
            regel.afstand_km[pijler] = round(km, 1) if km is not None else None
            regel.dichtstbij_in[pijler] = per_id.get(gemeente_id)
        regels.append(regel)

    return Spreiding(
        regels=regels,
        van=van,
        tot=tot,
        momenten_totaal=momenten_totaal,
        kansarmoede_volledig=kansarmoede_volledig,
    )


# --- The public offer: list, detail and calendar feeds ---------------------------------------


@dataclass
class Aanbodfilters:
    """What a resident narrows the offer down to; every field is optional and they combine.

    ``leeftijd`` is the child's age in whole years; ``van``/``tot`` are local dates;
    ``zoekterm`` is matched word by word against title, summary and description.
    """

    gemeente: Gemeente | None = None
    leeftijd: int | None = None
    doelgroep: Doelgroep | None = None
    pijler: str = ""
    thema: Thema | None = None
    van: dt.date | None = None
    tot: dt.date | None = None
    taal: Taal | None = None
    inloop: bool = False
    gratis: bool = False
    toegankelijk: bool = False
    zoekterm: str = ""


# The stored next moment (``Activiteit.komend_begin``) was computed before now; a search
# ``op`` a moment further back than this may need moments that ended in between.
BEWAARD_VOLGEND_SPELING = dt.timedelta(seconds=5)
# A search never needs more words than this; more only makes the query heavy.
MAX_ZOEKWOORDEN = 10


def _lokaal_voor(gemeente: Gemeente) -> Q:
    """Offer a resident of ``gemeente`` may use, without a join that would repeat rows."""
    lokaal = Activiteit.gemeenten.through.objects.filter(gemeente=gemeente)
    return Q(bereik=Activiteit.Bereik.REGIONAAL) | Q(pk__in=lokaal.values("activiteit_id"))


def aanbod_zoeken(
    filters: Aanbodfilters | None = None, *, op: dt.datetime | None = None
) -> QuerySet[Activiteit]:
    """Published offer that matches every filter given, the soonest next moment first.

    Each activity carries ``volgend_moment_id`` and ``volgend_begin``: its first moment that is
    not cancelled and not over at ``op`` (default now), inside ``van``/``tot`` when given; None
    for ongoing offer (doorlopend) and offer with nothing planned. Activities without a next
    moment come last, ongoing offer first among them, then by title.

    With ``van`` or ``tot``, only offer with such a moment in that period, or ongoing offer, is
    kept. ``leeftijd`` keeps offer whose month range overlaps that year of the child's life; an
    activity without a range is for all ages.

    Without ``van``/``tot``, the order comes from each activity's stored next moment
    (``komend_begin``) as long as that has not begun, so sorting does not look at every
    activity's moments.

    The place (``locatie``) is selected and ``gemeenten`` prefetched, so one page costs two
    queries whatever its length; pass the page to :func:`volgende_momenten_koppelen` to get
    the next moments themselves in one more.
    """
    f = filters or Aanbodfilters()
    op = op or timezone.now()
    qs = Activiteit.objects.gepubliceerd()

    if f.gemeente is not None:
        qs = qs.filter(_lokaal_voor(f.gemeente))
    if f.leeftijd is not None:
        eerste_maand, laatste_maand = 12 * f.leeftijd, 12 * f.leeftijd + 11
        qs = qs.filter(
            Q(leeftijd_van__isnull=True) | Q(leeftijd_van__lte=laatste_maand),
            Q(leeftijd_tot__isnull=True) | Q(leeftijd_tot__gte=eerste_maand),
        )
    # Each of these matches at most one row per activity (the pairs are unique): no repeats.
    if f.doelgroep is not None:
        qs = qs.filter(doelgroepen=f.doelgroep)
    if f.thema is not None:
        qs = qs.filter(themas=f.thema)
    if f.taal is not None:
        qs = qs.filter(talen=f.taal)
    if f.pijler:
        qs = qs.filter(pijler=f.pijler)
    if f.inloop:
        qs = qs.filter(inschrijving_vereist=False)
    if f.gratis:
        qs = qs.filter(prijs=0)
    if f.toegankelijk:
        qs = qs.filter(locatie__rolstoeltoegankelijk=True)
    for woord in f.zoekterm.split()[:MAX_ZOEKWOORDEN]:
        qs = qs.filter(
            Q(titel__icontains=woord)
            | Q(samenvatting__icontains=woord)
            | Q(beschrijving__icontains=woord)
        )

    momenten = Moment.objects.komend(op).filter(activiteit=OuterRef("pk"), geannuleerd=False)
    if f.van:
        momenten = momenten.filter(begin__gte=lokale_tijd(f.van, dt.time()))
    if f.tot:
        momenten = momenten.filter(begin__lt=lokale_tijd(f.tot + dt.timedelta(days=1), dt.time()))
    momenten = momenten.order_by("begin", "pk")
    volgend_begin = Subquery(momenten.values("begin")[:1])
    if not (f.van or f.tot) and op >= timezone.now() - BEWAARD_VOLGEND_SPELING:
        # Sorting on every activity's moments grows with the offer; the stored next moment
        # does not. Trusted while it has not begun at ``op`` (or when there was none); only
        # the activities whose stored moment has begun since look at their moments again.
        volgend_begin = Case(
            When(komend_begin__gte=op, then=F("komend_begin")),
            When(komend_begin__isnull=True, then=Value(None)),
            default=volgend_begin,
            output_field=DateTimeField(),
        )
    qs = qs.annotate(
        volgend_moment_id=Subquery(momenten.values("pk")[:1]),
        volgend_begin=volgend_begin,
    )
    if f.van or f.tot:
        qs = qs.filter(Q(doorlopend=True) | Q(volgend_moment_id__isnull=False))

    return (
        qs.select_related("locatie")
        .prefetch_related("gemeenten")
        .order_by(F("volgend_begin").asc(nulls_last=True), "-doorlopend", "titel", "pk")
    )


def volgende_momenten_koppelen(activiteiten: Iterable[Activiteit]) -> list[Activiteit]:
    """Give each activity from :func:`aanbod_zoeken` its ``volgend_moment`` (or None).

    One query for any number of activities; the moment's own place is selected and its
    activity set, so ``moment.plek`` costs nothing more.
    """
    activiteiten = list(activiteiten)
    ids = [a.volgend_moment_id for a in activiteiten if a.volgend_moment_id]
    momenten = Moment.objects.select_related("locatie").in_bulk(ids) if ids else {}
    for activiteit in activiteiten:
        moment = momenten.get(activiteit.volgend_moment_id)
        if moment is not None:
            moment.activiteit = activiteit
        activiteit.volgend_moment = moment
    return activiteiten


def activiteit_voor_publiek(slug: str) -> Activiteit:
    """The published activity with ``slug`` and all its page shows, in a fixed eight queries.

    Raises ``Activiteit.DoesNotExist`` for an unknown or unpublished slug. The place comes with
    its gemeente and its opening hours (``locatie.openingsschema()`` costs no query);
    themes, target groups, languages, partners and gemeenten are prefetched.
    """
    return (
        Activiteit.objects.gepubliceerd()
        .select_related("locatie__gemeente")
        .prefetch_related(
            "themas",
            "doelgroepen",
            "talen",
            "partners",
            Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")),
            "locatie__openingsuren",
            Prefetch(
                "locatie__uitzonderingen",
                queryset=Uitzondering.objects.filter(
                    Q(tot__gte=timezone.localdate())
                    | Q(tot__isnull=True, van__gte=timezone.localdate())
                ),
            ),
        )
        .get(slug=slug)
    )


def andere_versies(activiteit: Activiteit) -> list[Activiteit]:
    """The published generic activity and its published local versions, except this one.

    For a generic activity: its local versions; for a local version: the generic one and the
    other local versions. Each comes with its gemeenten: one query, two when there are any.
    """
    generiek_id = activiteit.generiek_id or activiteit.pk
    return list(
        Activiteit.objects.gepubliceerd()
        .filter(Q(pk=generiek_id) | Q(generiek_id=generiek_id))
        .exclude(pk=activiteit.pk)
        .prefetch_related(Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")))
        .order_by(F("generiek_id").asc(nulls_first=True), "titel")
    )


def komende_momenten(
    *,
    activiteit: Activiteit | None = None,
    gemeente: Gemeente | None = None,
    tot: dt.date | None = None,
    aantal: int | None = None,
    op: dt.datetime | None = None,
    afgelast: bool = True,
    met_plaatsen: bool = False,
) -> list[Moment]:
    """Moments of published offer not over at ``op`` (default now), soonest first.

    Cancelled moments are included (``geannuleerd``) unless ``afgelast=False``: a page shows
    them struck out and a calendar feed marks them cancelled, so whoever saw the date learns
    it is off. A "coming up" teaser will rather leave them out.

    ``activiteit``: only its moments. ``gemeente``: only offer its residents may use (regional,
    or local for it). ``tot``: starting on or before that local date. ``aantal``: at most that
    many. One query, whatever the number: the activity, the moment's place and the activity's
    place are selected, so ``moment.plek`` costs nothing more.

    ``met_plaatsen`` adds, on each moment, ``bezette_plaatsen`` (confirmed seats, counted per
    person or per family as the activity says), ``vrije_plaatsen`` (None without a capacity)
    and ``volzet``.
    """
    qs = Moment.objects.komend(op or timezone.now()).filter(activiteit__gepubliceerd=True)
    if not afgelast:
        qs = qs.filter(geannuleerd=False)
    if activiteit is not None:
        qs = qs.filter(activiteit=activiteit)
    if gemeente is not None:
        lokaal = Activiteit.gemeenten.through.objects.filter(gemeente=gemeente)
        qs = qs.filter(
            Q(activiteit__bereik=Activiteit.Bereik.REGIONAAL)
            | Q(activiteit_id__in=lokaal.values("activiteit_id"))
        )
    if tot is not None:
        qs = qs.filter(begin__lt=lokale_tijd(tot + dt.timedelta(days=1), dt.time()))
    qs = qs.select_related("activiteit__locatie__gemeente", "locatie__gemeente").order_by(
        "begin", "pk"
    )
    if met_plaatsen:
        qs = qs.annotate(bezette_plaatsen=_bezette_plaatsen())
    momenten = list(qs[:aantal] if aantal else qs)
    if met_plaatsen:
        for moment in momenten:
            capaciteit = moment.activiteit.capaciteit
            moment.vrije_plaatsen = (
                None if capaciteit is None else max(capaciteit - moment.bezette_plaatsen, 0)
            )
            moment.volzet = moment.vrije_plaatsen == 0
    return momenten


def _bezette_plaatsen():
    """Confirmed seats of the outer moment: families or people, as its activity counts them."""
    bevestigd = Inschrijving.objects.bevestigd().filter(moment=OuterRef("pk")).values("moment")
    gezinnen = bevestigd.annotate(n=Count("pk")).values("n")
    personen = bevestigd.annotate(n=Sum(F("volwassenen") + F("kinderen"))).values("n")
    return Case(
        When(
            activiteit__plaatsen_per=Activiteit.PlaatsenPer.GEZIN,
            then=Coalesce(Subquery(gezinnen), 0),
        ),
        default=Coalesce(Subquery(personen), 0),
    )


@dataclass
class BereikVanGemeente:
    """The people a gemeente's families brought to the offer in a period (anonymous counts).

    ``woonplaats`` None: families from outside the participating gemeenten. ``ingeschreven``
    counts the people of confirmed registrations, ``aanwezig`` those ticked present; both also
    per pillar and per age band (``Leeftijdsgroep`` values).
    """

    woonplaats: Gemeente | None
    ingeschreven: int = 0
    aanwezig: int = 0
    per_pijler: dict[str, int] = field(default_factory=dict)
    per_leeftijdsgroep: dict[str, int] = field(default_factory=dict)


def bereik_per_gemeente(*, van: dt.date, tot: dt.date) -> list[BereikVanGemeente]:
    """Reach by gemeente of residence for the months from ``van`` to ``tot`` (inclusive).

    Read from ``Bereikcijfer``, which outlives the personal data, so past years stay
    complete. Months are whole: a period from 15 March counts all of March. Every
    participating gemeente has a row (zeros when nobody came), in name order, followed by
    "elsewhere" when anyone came from outside. Two queries, whatever the amount of data.
    """
    rijen = (
        Bereikcijfer.objects.filter(maand__gte=van.replace(day=1), maand__lte=tot)
        .values("woonplaats", "activiteit__pijler", "leeftijdsgroep")
        .annotate(ingeschreven=Sum("ingeschreven"), aanwezig=Sum("aanwezig"))
        .order_by()
    )
    per_gemeente = {
        g.pk: BereikVanGemeente(woonplaats=g) for g in Gemeente.objects.order_by("naam")
    }
    elders = BereikVanGemeente(woonplaats=None)
    for rij in rijen:
        bereik = per_gemeente.get(rij["woonplaats"], elders)
        bereik.ingeschreven += rij["ingeschreven"]
        bereik.aanwezig += rij["aanwezig"]
        pijler, groep = rij["activiteit__pijler"], rij["leeftijdsgroep"]
        bereik.per_pijler[pijler] = bereik.per_pijler.get(pijler, 0) + rij["ingeschreven"]
        bereik.per_leeftijdsgroep[groep] = (
            bereik.per_leeftijdsgroep.get(groep, 0) + rij["ingeschreven"]
        )
    resultaat = list(per_gemeente.values())
    if elders.ingeschreven or elders.aanwezig:
        resultaat.append(elders)
    return resultaat
