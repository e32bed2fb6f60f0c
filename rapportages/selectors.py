"""The reports' read model: every figure comes from the other apps' selectors.

``rapport(periode=…)`` gathers, for every gemeente and for the area, what the gemeente puts in
(hours, budget), what it gets (offer, reach), how fair the spread is, how it is represented
and where the partnership stands in the growth model. Pages, PDF and spreadsheet all read
this one object, so they cannot disagree. A fixed number of queries, whatever the data.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import Leeftijdsgroep, Pijler
from aanbod.selectors import (
    BereikVanGemeente,
    SpreidingRegel,
    bereik_per_gemeente,
    spreiding_per_gemeente,
)
from gemeenten.models import Gemeente
from gemeenten.models.groeimodel import Groeifase
from gemeenten.selectors.blinde_vlekken import GemeenteSamenvatting, blinde_vlekken_matrix
from gemeenten.selectors.groeimodel import GroeiVanGemeente, groeistand
from gemeenten.selectors.inzet import EngagementRegel, engagement_en_inzet, uren_per_maand
from gemeenten.selectors.signalen import Signaal, signalen

# The children "per 1,000 children" compares with the gemeente's children aged 0-12.
KIND_GROEPEN = [Leeftijdsgroep.BABY_PEUTER, Leeftijdsgroep.KLEUTER, Leeftijdsgroep.LAGERE_SCHOOL]


@dataclass(frozen=True)
class Periode:
    """The period a report covers, both days included."""

    van: dt.date
    tot: dt.date

    @classmethod
    def dit_jaar_tot_nu(cls, op: dt.date | None = None) -> "Periode":
        op = op or timezone.localdate()
        return cls(van=op.replace(month=1, day=1), tot=op)

    @classmethod
    def jaar(cls, jaar: int, op: dt.date | None = None) -> "Periode":
        """A whole year; the current one only up to ``op`` (today)."""
        op = op or timezone.localdate()
        if jaar == op.year:
            return cls.dit_jaar_tot_nu(op)
        return cls(van=dt.date(jaar, 1, 1), tot=dt.date(jaar, 12, 31))

    @property
    def inzetjaar(self) -> int:
        """Hours are committed per calendar year: the year the period ends in."""
        return self.tot.year


def _aandeel(deel, geheel) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def _per_1000(aantal, kinderen) -> float | None:
    return round(1000 * aantal / kinderen, 1) if kinderen else None


@dataclass
class GemeenteCijfers:
    """Everything the report says about one gemeente."""

    gemeente: Gemeente
    inzet: EngagementRegel
    uren_per_maand: list[Decimal]
    aanbod: SpreidingRegel
    bereik: BereikVanGemeente
    signalen: list[Signaal]
    partners: GemeenteSamenvatting
    groei: GroeiVanGemeente
    # Filled in by ``rapport`` once the area totals are known.
    aandeel_bereik: float | None = None

    @property
    def kinderen_bereikt(self) -> int:
        return sum(self.bereik.per_leeftijdsgroep.get(g, 0) for g in KIND_GROEPEN)

    @property
    def bereik_per_1000_kinderen(self) -> float | None:
        """Children reached (confirmed registrations) per 1,000 children aged 0-12."""
        return _per_1000(self.kinderen_bereikt, self.gemeente.kinderen_0_12)

    def bereik_per_pijler_per_1000(self) -> dict[str, float | None]:
        """Participants (adults included) per pillar per 1,000 children aged 0-12."""
        return {
            p: _per_1000(self.bereik.per_pijler.get(p, 0), self.gemeente.kinderen_0_12)
            for p in Pijler.values
        }

    @property
    def minder_bereik_dan_aandeel(self) -> bool:
        """Its share of the reach is below its share of children and of poverty (as the
        offer's flag: below both is the gap to look at)."""
        a = self.aanbod
        if self.aandeel_bereik is None or a.aandeel_kinderen is None:
            return False
        onder_kinderen = self.aandeel_bereik < a.aandeel_kinderen
        onder_armoede = a.aandeel_kansarmoede is None or self.aandeel_bereik < a.aandeel_kansarmoede
        return onder_kinderen and onder_armoede


@dataclass
class Gebied:
    """The whole area: sums over the gemeenten (families from elsewhere counted apart)."""

    kinderen_0_12: int = 0
    uren_engagement: Decimal = Decimal(0)
    budget_engagement: Decimal = Decimal(0)
    uren_verwacht: Decimal = Decimal(0)
    uren_geleverd: Decimal = Decimal(0)
    uren_per_maand: list[Decimal] = field(default_factory=lambda: [Decimal(0)] * 12)
    momenten_in: int = 0
    momenten_in_per_pijler: dict[str, int] = field(default_factory=dict)
    bereik: int = 0
    kinderen_bereikt: int = 0
    bereik_per_pijler: dict[str, int] = field(default_factory=dict)
    bereik_per_leeftijdsgroep: dict[str, int] = field(default_factory=dict)
    bereik_elders: int = 0

    @property
    def verhouding(self) -> Decimal | None:
        return self.uren_geleverd / self.uren_verwacht if self.uren_verwacht else None

    @property
    def momenten_in_per_1000_kinderen(self) -> float | None:
        return _per_1000(self.momenten_in, self.kinderen_0_12)

    @property
    def bereik_per_1000_kinderen(self) -> float | None:
        return _per_1000(self.kinderen_bereikt, self.kinderen_0_12)


@dataclass
class Rapport:
    periode: Periode
    op: dt.date
    gemeenten: list[GemeenteCijfers]
    gebied: Gebied
    fase: Groeifase | None
    kansarmoede_volledig: bool
    # Warnings that concern no single gemeente.
    algemene_signalen: list[Signaal]

    def voor(self, gemeente: Gemeente) -> GemeenteCijfers:
        return next(c for c in self.gemeenten if c.gemeente.pk == gemeente.pk)

    def eigen_eerst(self, gemeente_ids) -> list[GemeenteCijfers]:
        """The gemeenten with the given ones first (a mandataris's own), then by name."""
        eigen = set(gemeente_ids)
        return sorted(self.gemeenten, key=lambda c: (c.gemeente.pk not in eigen, c.gemeente.naam))

    def anderen(self, gemeente: Gemeente) -> list[GemeenteCijfers]:
        return [c for c in self.gemeenten if c.gemeente.pk != gemeente.pk]


def rapport(*, periode: Periode, op: dt.date | None = None) -> Rapport:
    """The report for ``periode``, as seen on ``op`` (default today; warnings and the
    growth-model phase are those of that day, the hours those of the period's year up to it).
    """
    op = op or timezone.localdate()
    spreiding = spreiding_per_gemeente(van=periode.van, tot=periode.tot)
    bereik = bereik_per_gemeente(van=periode.van, tot=periode.tot)
    inzet = {r.gemeente.pk: r for r in engagement_en_inzet(jaar=periode.inzetjaar, op=op)}
    uren = uren_per_maand(jaar=periode.inzetjaar)
    alle_signalen = signalen(op=op)
    partners = blinde_vlekken_matrix()
    groei = groeistand(jaar=periode.inzetjaar, op=op)

    bereik_van = {b.woonplaats.pk: b for b in bereik if b.woonplaats is not None}
    elders = next((b for b in bereik if b.woonplaats is None), None)
    signalen_van: dict[int, list[Signaal]] = {}
    for signaal in alle_signalen:
        if signaal.gemeente is not None:
            signalen_van.setdefault(signaal.gemeente.pk, []).append(signaal)
    partners_van = {s.gemeente.pk: s for s in partners.per_gemeente}

    cijfers = [
        GemeenteCijfers(
            gemeente=regel.gemeente,
            inzet=inzet[regel.gemeente.pk],
            uren_per_maand=uren[regel.gemeente.pk],
            aanbod=regel,
            bereik=bereik_van[regel.gemeente.pk],
            signalen=signalen_van.get(regel.gemeente.pk, []),
            partners=partners_van[regel.gemeente.pk],
            groei=groei.per_gemeente[regel.gemeente.pk],
        )
        for regel in spreiding.regels
    ]

    gebied = Gebied()
    for c in cijfers:
        gebied.kinderen_0_12 += c.gemeente.kinderen_0_12
        gebied.uren_engagement += c.inzet.uren_engagement
        gebied.budget_engagement += c.inzet.budget_engagement
        gebied.uren_verwacht += c.inzet.uren_verwacht
        gebied.uren_geleverd += c.inzet.uren_geleverd
        gebied.uren_per_maand = [
            a + b for a, b in zip(gebied.uren_per_maand, c.uren_per_maand, strict=True)
        ]
        gebied.momenten_in += c.aanbod.momenten_in
        gebied.bereik += c.bereik.ingeschreven
        gebied.kinderen_bereikt += c.kinderen_bereikt
        for pijler, n in c.aanbod.momenten_in_per_pijler.items():
            gebied.momenten_in_per_pijler[pijler] = gebied.momenten_in_per_pijler.get(pijler, 0) + n
        for pijler, n in c.bereik.per_pijler.items():
            gebied.bereik_per_pijler[pijler] = gebied.bereik_per_pijler.get(pijler, 0) + n
        for groep, n in c.bereik.per_leeftijdsgroep.items():
            gebied.bereik_per_leeftijdsgroep[groep] = (
                gebied.bereik_per_leeftijdsgroep.get(groep, 0) + n
            )
    gebied.bereik_elders = elders.ingeschreven if elders else 0
    for c in cijfers:
        c.aandeel_bereik = _aandeel(c.bereik.ingeschreven, gebied.bereik)

    return Rapport(
        periode=periode,
        op=op,
        gemeenten=cijfers,
        gebied=gebied,
        fase=groei.fase,
        kansarmoede_volledig=spreiding.kansarmoede_volledig,
        algemene_signalen=[s for s in alle_signalen if s.gemeente is None],
    )


# How each figure is computed, in words: shown next to the figure on the page, in the PDF
# and in the spreadsheet (rule: every figure explains itself).
UITLEG = {
    "uren": _(
        "Toegezegde uren en budget per jaar uit de visienota van het jaar waarin de periode "
        "eindigt. Geleverde uren: de ingevoerde inzet van de volledige maanden van dat jaar "
        "(voor een lopend jaar: tot vandaag). Verhouding: geleverd gedeeld door het deel van de "
        "toezegging dat in die maanden verwacht werd (100 % = op schema)."
    ),
    "aanbod": _(
        "Gepubliceerde activiteiten en hun momenten in de periode, afgelaste niet meegeteld. "
        "'In' de gemeente: op een plek in de gemeente. 'Beschikbaar': regionaal aanbod en lokaal "
        "aanbod voor de gemeente, waar het ook plaatsvindt. Per 1.000 kinderen van 0 tot 12 jaar."
    ),
    "bereik": _(
        "Deelnemers van bevestigde inschrijvingen volgens de gemeente waar het gezin woont, uit "
        "de anonieme tellingen die blijven als de persoonsgegevens gewist zijn. Per 1.000 "
        "kinderen: bereikte kinderen tot 12 jaar per 1.000 kinderen van 0 tot 12 jaar; per "
        "pijler: alle deelnemers (ook volwassenen) per 1.000 kinderen. Aanbod zonder "
        "inschrijving telt hier niet mee."
    ),
    "billijkheid": _(
        "Het aandeel van de gemeente in de kinderen van 0 tot 12 jaar, in de kansarmoede "
        "(kinderen maal kansarmoede-index), in de momenten die in de gemeente plaatsvinden "
        "en in de bereikte deelnemers. Gemarkeerd: minder aanbod of bereik dan zowel het aandeel "
        "kinderen als het aandeel kansarmoede."
    ),
    "mobiliteit": _(
        "Afstand in vogelvlucht van het centrum van de gemeente tot de dichtste plek met aanbod "
        "van die pijler dat voor de gemeente beschikbaar is, in de periode."
    ),
    "bestuur": _(
        "Signalen van vandaag: prioriteiten zonder werkgroep, organen zonder lid uit de "
        "gemeente, een ontbrekend aanspreekpunt, uren die achterblijven. Blinde vlekken: soorten "
        "partners die elders in het gebied werken maar niet in deze gemeente."
    ),
    "groei": _(
        "De fase van het groeimodel op vandaag, de rollenlijst uit de zelfevaluatie van dit "
        "jaar en de verwachtingen van dit jaar met of ze ingelost zijn."
    ),
}
