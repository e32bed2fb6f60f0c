"""The reads the API needs beyond what the public pages' selectors already give.

The offer list and an activity's page come from ``aanbod.selectors`` as they are; the places
from ``locaties.selectors``. What is here pages through every coming moment (the pages only
ever show the first few) and loads one place with all its facts.
"""

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from aanbod.models import Activiteit, Moment

# The count of confirmed seats is the one the activity's page shows; it is a private helper of
# aanbod.selectors because only querysets there needed it until now.
from aanbod.selectors import _bezette_plaatsen
from gemeenten.models import Gemeente
from hvk.herhaling import lokale_tijd
from locaties.models import Halte, Locatie


def momenten_zoeken(
    *,
    gemeente: Gemeente | None = None,
    activiteit: Activiteit | None = None,
    van: dt.date | None = None,
    tot: dt.date | None = None,
    op: dt.datetime | None = None,
) -> QuerySet[Moment]:
    """Moments of published offer not over at ``op`` (default now), soonest first.

    Cancelled moments are included (``geannuleerd``), as on the activity's page and in the
    calendar feeds. ``gemeente``: offer its residents may use (regional, or local for it),
    wherever it takes place. ``van``/``tot``: starting on a local day from ``van`` up to and
    including ``tot``. The activity, its place and the moment's own place are selected, and
    ``bezette_plaatsen`` annotated, so a page of any length costs one query (and one to count);
    call :func:`vrije_plaatsen_invullen` on the page.
    """
    qs = Moment.objects.komend(op or timezone.now()).filter(activiteit__gepubliceerd=True)
    if gemeente is not None:
        qs = qs.beschikbaar_voor(gemeente)
    if activiteit is not None:
        qs = qs.filter(activiteit=activiteit)
    if van is not None:
        qs = qs.filter(begin__gte=lokale_tijd(van, dt.time()))
    if tot is not None:
        qs = qs.filter(begin__lt=lokale_tijd(tot + dt.timedelta(days=1), dt.time()))
    return (
        qs.select_related("activiteit__locatie", "locatie")
        .annotate(bezette_plaatsen=_bezette_plaatsen())
        .order_by("begin", "pk")
    )


def vrije_plaatsen_invullen(momenten) -> list[Moment]:
    """Give each moment from :func:`momenten_zoeken` its ``vrije_plaatsen`` (None: no limit)."""
    momenten = list(momenten)
    for moment in momenten:
        capaciteit = moment.activiteit.capaciteit
        moment.vrije_plaatsen = (
            None if capaciteit is None else max(capaciteit - moment.bezette_plaatsen, 0)
        )
    return momenten


def locatie_voor_api(slug: str) -> Locatie:
    """The place with ``slug``, its gemeente, hours, coming exceptions, languages and stops.

    Six queries, whatever the place. Raises ``Locatie.DoesNotExist``.
    """
    return (
        Locatie.objects.select_related("gemeente")
        .met_openingsuren()
        .prefetch_related(
            "talen",
            Prefetch(
                "haltes",
                queryset=Halte.objects.select_related("gemeente", "locatie").order_by("naam"),
            ),
        )
        .get(slug=slug)
    )
