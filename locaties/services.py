"""Changes to places that touch several rows."""

from django.db import transaction
from django.utils import timezone

from hvk.herhaling import horizon, rol_uit
from locaties.models import Haltebezoek, Halteschema


@transaction.atomic
def haltebezoeken_uitrollen(*, schemas=None, tot=None) -> tuple[int, int, int]:
    """Expand mobile-house schedules into dated visits from today up to the horizon.

    Writes: creates missing ``Haltebezoek`` rows, moves unchanged future visits when a
    schedule's hours changed, deletes unchanged future visits on dates the schedule dropped.
    Visits cancelled or moved by hand stay as they are; past visits are never touched.
    Returns the (made, updated, deleted) totals.
    """
    nu = timezone.now()
    van, tot = timezone.localdate(nu), tot or horizon()
    totaal = [0, 0, 0]
    for schema in schemas if schemas is not None else Halteschema.objects.select_related("halte"):
        telling = rol_uit(
            regel=schema,
            gerold=schema.bezoeken.all(),
            nieuw=lambda begin, einde, dag, schema=schema: Haltebezoek(
                halte=schema.halte,
                schema=schema,
                begin=begin,
                einde=einde,
                oorspronkelijke_datum=dag,
            ),
            van=van,
            tot=tot,
            begonnen_voor=nu,
        )
        totaal = [a + b for a, b in zip(totaal, telling, strict=True)]
    return tuple(totaal)
