"""Where the partnership stands in the growth model, per gemeente, for one year."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from gemeenten.models import Gemeente
from gemeenten.models.groeimodel import Afvinking, Groeifase, Roltaak, Verwachting, Zelfevaluatie


@dataclass
class GroeiVanGemeente:
    """One gemeente's self-assessment and expectations round of a year.

    ``taken``: the role checklist of the phase it assessed itself in, as (task, done) pairs
    (a task not ticked yet counts as not done); empty without a self-assessment.
    ``verwachtingen``: that year's expectations with whether each was met.
    """

    gemeente: Gemeente
    zelfevaluatie: Zelfevaluatie | None = None
    taken: list[tuple[Roltaak, bool]] = field(default_factory=list)
    verwachtingen: list[Verwachting] = field(default_factory=list)

    @property
    def taken_gedaan(self) -> int:
        return sum(1 for _, gedaan in self.taken if gedaan)

    @property
    def verwachtingen_ingelost(self) -> int:
        return sum(1 for v in self.verwachtingen if v.ingelost == Verwachting.Ingelost.JA)


@dataclass
class Groeistand:
    fase: Groeifase | None  # the partnership's phase on the day asked
    per_gemeente: dict[int, GroeiVanGemeente]


def groeistand(*, jaar: int, op: datetime.date) -> Groeistand:
    """The current phase on ``op`` and, per gemeente (by pk), its self-assessment and
    expectations of ``jaar``. Five queries, whatever the number of gemeenten or tasks."""
    fase = Groeifase.objects.huidige(op)
    per_gemeente = {g.pk: GroeiVanGemeente(gemeente=g) for g in Gemeente.objects.order_by("naam")}
    evaluaties = Zelfevaluatie.objects.filter(jaar=jaar).prefetch_related(
        Prefetch("afvinkingen", queryset=Afvinking.objects.select_related("roltaak"))
    )
    roltaken: dict[str, list[Roltaak]] = {}
    for taak in Roltaak.objects.all():
        roltaken.setdefault(taak.fase, []).append(taak)
    for evaluatie in evaluaties:
        groei = per_gemeente.get(evaluatie.gemeente_id)
        if groei is None:
            continue
        gedaan = {a.roltaak_id: a.gedaan for a in evaluatie.afvinkingen.all()}
        groei.zelfevaluatie = evaluatie
        groei.taken = [(t, gedaan.get(t.pk, False)) for t in roltaken.get(evaluatie.fase, [])]
    for verwachting in Verwachting.objects.filter(jaar=jaar).order_by("pk"):
        if verwachting.gemeente_id in per_gemeente:
            per_gemeente[verwachting.gemeente_id].verwachtingen.append(verwachting)
    return Groeistand(fase=fase, per_gemeente=per_gemeente)
