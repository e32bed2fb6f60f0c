"""The blind-spot exercise: which partner works in which gemeente, and where are the holes."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Value, When

from gemeenten.models import Gemeente, Partner

# The order in which the kinds of partner are declared is the order a coordinator reads them
# in (Opgroeien first, "andere" last), not the alphabetical order of their stored values.
SOORT_VOLGORDE = Case(
    *(When(soort=soort, then=Value(i)) for i, soort in enumerate(Partner.Soort.values)),
    default=Value(len(Partner.Soort.values)),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class Rij:
    """One partner and, per gemeente of the matrix (same order), whether it works there."""

    partner: Partner
    werkt_hier: tuple[bool, ...]


@dataclass(frozen=True)
class GemeenteSamenvatting:
    """What one gemeente has: how many partners work there and which kinds are missing."""

    gemeente: Gemeente
    aantal_partners: int
    ontbrekende_soorten: tuple[Partner.Soort, ...]


@dataclass(frozen=True)
class BlindeVlekken:
    gemeenten: tuple[Gemeente, ...]
    rijen: tuple[Rij, ...]
    per_gemeente: tuple[GemeenteSamenvatting, ...]
    zonder_werkingsgebied: tuple[Partner, ...]

    def samenvatting(self, gemeente: Gemeente) -> GemeenteSamenvatting:
        return next(s for s in self.per_gemeente if s.gemeente == gemeente)

    def rij(self, partner: Partner) -> Rij:
        return next(r for r in self.rijen if r.partner == partner)


def blinde_vlekken_matrix() -> BlindeVlekken:
    """Every partner against every gemeente of the Huis, with the holes that matter.

    Promises:
    - ``gemeenten``: all gemeenten, ordered by naam.
    - ``rijen``: one row per partner (also those without werkingsgebied), ordered by soort in
      the order of ``Partner.Soort``, then by naam; ``werkt_hier`` has one bool per gemeente,
      in the order of ``gemeenten``.
    - ``per_gemeente``: one summary per gemeente, in the order of ``gemeenten``: the number of
      partners working there, and the soorten of partner that work in at least one gemeente of
      the area but not in this one (in the order of ``Partner.Soort``). A soort that works
      nowhere is not a hole of one gemeente, so it is never listed.
    - ``zonder_werkingsgebied``: the partners that work in no gemeente at all, by soort and naam.

    Runs exactly three queries (gemeenten, partners, their werkingsgebied), however many
    partners and gemeenten there are. Everything is computed up front; reading the result
    never touches the database.
    """
    gemeenten = tuple(Gemeente.objects.order_by("naam"))
    partners = tuple(
        Partner.objects.annotate(soort_volgorde=SOORT_VOLGORDE)
        .order_by("soort_volgorde", "naam")
        .prefetch_related("werkingsgebied")
    )

    gemeenten_per_partner = {p.pk: {g.pk for g in p.werkingsgebied.all()} for p in partners}
    rijen = tuple(
        Rij(
            partner=p,
            werkt_hier=tuple(g.pk in gemeenten_per_partner[p.pk] for g in gemeenten),
        )
        for p in partners
    )

    soorten_per_gemeente = {g.pk: set() for g in gemeenten}
    for p in partners:
        for gemeente_pk in gemeenten_per_partner[p.pk]:
            soorten_per_gemeente[gemeente_pk].add(p.soort)
    soorten_in_het_gebied = set().union(*soorten_per_gemeente.values())

    per_gemeente = tuple(
        GemeenteSamenvatting(
            gemeente=g,
            aantal_partners=sum(g.pk in gemeenten_per_partner[p.pk] for p in partners),
            ontbrekende_soorten=tuple(
                soort
                for soort in Partner.Soort
                if soort in soorten_in_het_gebied and soort not in soorten_per_gemeente[g.pk]
            ),
        )
        for g in gemeenten
    )

    return BlindeVlekken(
        gemeenten=gemeenten,
        rijen=rijen,
        per_gemeente=per_gemeente,
        zonder_werkingsgebied=tuple(p for p in partners if not gemeenten_per_partner[p.pk]),
    )
