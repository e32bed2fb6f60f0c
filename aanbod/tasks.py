"""Background work of the offer, through the Django tasks API (the django-tasks backport).

Arguments are primary keys only: the queue is a database table and keeps no personal data.
"""

import logging

from django_tasks import task

from aanbod.mails import inschrijvingsmail_maken
from aanbod.models import Inschrijving

logger = logging.getLogger(__name__)


@task()
def inschrijvingsmail(*, inschrijving_id: int, soort: str) -> str:
    """Send one registration mail; skipped when the data is gone by the time it runs."""
    inschrijving = (
        Inschrijving.objects.select_related(
            "moment__activiteit__locatie", "moment__locatie", "woonplaats"
        )
        .filter(pk=inschrijving_id)
        .first()
    )
    if inschrijving is None or inschrijving.is_gewist or not inschrijving.email:
        return "overgeslagen"
    inschrijvingsmail_maken(inschrijving, soort).send()
    return "verstuurd"


@task()
def herinneringen() -> int:
    """Daily: queue the reminders (see ``herinneringen_versturen``)."""
    from aanbod.services import herinneringen_versturen

    return herinneringen_versturen()


@task()
def inschrijvingen_opruimen() -> int:
    """Daily: erase personal data past its retention (see ``persoonsgegevens_opruimen``)."""
    from aanbod.services import persoonsgegevens_opruimen

    return persoonsgegevens_opruimen()
