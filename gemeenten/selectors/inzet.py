"""Committed against delivered hours, per gemeente per year."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from gemeenten.models import Gemeente, Inzet, Visienota
from gemeenten.models.periode import vandaag


@dataclass(frozen=True)
class EngagementRegel:
    gemeente: Gemeente
    visienota: Visienota | None
    uren_engagement: Decimal  # committed hours for the whole year
    budget_engagement: Decimal
    maanden_verstreken: int  # complete months of the year that are compared
    uren_verwacht: Decimal  # committed hours pro-rated to the months that passed
    uren_geleverd: Decimal  # delivered hours in those months

    @property
    def verhouding(self) -> Decimal | None:
        """Delivered as a share of what was due so far (1 = on track), or None if nothing due."""
        if not self.uren_verwacht:
            return None
        return self.uren_geleverd / self.uren_verwacht

    @property
    def achterstand_procent(self) -> Decimal:
        """How far delivery lags what was due so far, in percent (0 when on or above track)."""
        if self.verhouding is None or self.verhouding >= 1:
            return Decimal(0)
        return ((1 - self.verhouding) * 100).quantize(Decimal("0.1"))

    @property
    def verhouding_jaar(self) -> Decimal | None:
        if not self.uren_engagement:
            return None
        return self.uren_geleverd / self.uren_engagement


def engagement_en_inzet(*, jaar: int, op: datetime.date | None = None) -> list[EngagementRegel]:
    """For every gemeente: the visienota's committed hours and budget for ``jaar``, and the
    hours delivered in the complete months of that year up to ``op`` (default today).

    The commitment is pro-rated over those complete months, since hours are recorded per month:
    in March of the current year, January and February are compared. A past year compares all
    twelve months, a future year none. The visienota is the one that runs on the last compared
    day, else the latest one that overlaps the year. Three queries, whatever the data.
    """
    op = op or vandaag()
    if jaar < op.year:
        maanden = 12
    elif jaar > op.year:
        maanden = 0
    else:
        maanden = op.month - 1
    jaar_start = datetime.date(jaar, 1, 1)
    jaar_einde = datetime.date(jaar, 12, 31)
    peildag = (
        datetime.date(jaar, maanden + 1, 1) - datetime.timedelta(days=1)
        if 0 < maanden < 12
        else (jaar_einde if maanden == 12 else jaar_start)
    )

    visienota_per_gemeente: dict[int, Visienota] = {}
    for nota in Visienota.objects.overlappend(jaar_start, jaar_einde).order_by("periode_start"):
        huidige = visienota_per_gemeente.get(nota.gemeente_id)
        loopt_op_peildag = nota.periode_start <= peildag <= nota.periode_einde
        if (
            huidige is None
            or loopt_op_peildag
            or not (huidige.periode_start <= peildag <= huidige.periode_einde)
        ):
            visienota_per_gemeente[nota.gemeente_id] = nota

    geleverd = dict(
        Inzet.objects.filter(jaar=jaar, maand__lte=maanden)
        .values("gemeente")
        .annotate(totaal=Sum("uren"))
        .values_list("gemeente", "totaal")
    )

    regels = []
    for gemeente in Gemeente.objects.all():
        nota = visienota_per_gemeente.get(gemeente.pk)
        uren = nota.uren_per_jaar if nota else Decimal(0)
        regels.append(
            EngagementRegel(
                gemeente=gemeente,
                visienota=nota,
                uren_engagement=uren,
                budget_engagement=nota.budget_per_jaar if nota else Decimal(0),
                maanden_verstreken=maanden,
                uren_verwacht=(uren * maanden / 12).quantize(Decimal("0.1")),
                # SQLite sums decimals as floats; round back to the field's precision.
                uren_geleverd=Decimal(geleverd.get(gemeente.pk) or 0).quantize(Decimal("0.1")),
            )
        )
    return regels


def uren_per_maand(*, jaar: int) -> dict[int, list[Decimal]]:
    """Delivered hours of ``jaar`` per gemeente (by pk) and month: twelve values, January
    first, zero for a month without recorded hours. Every gemeente has an entry. Two queries.
    """
    uitkomst = {pk: [Decimal(0)] * 12 for pk in Gemeente.objects.values_list("pk", flat=True)}
    for gemeente_id, maand, totaal in (
        Inzet.objects.filter(jaar=jaar)
        .values("gemeente", "maand")
        .annotate(totaal=Sum("uren"))
        .values_list("gemeente", "maand", "totaal")
        .order_by()
    ):
        # SQLite sums decimals as floats; round back to the field's precision.
        uitkomst[gemeente_id][maand - 1] = Decimal(totaal or 0).quantize(Decimal("0.1"))
    return uitkomst
