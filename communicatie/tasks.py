"""Background work of the newsletter, through the Django tasks API (the django-tasks backport).

Arguments are primary keys (and a test mail's sample interests) only: the queue is a database
table and keeps no addresses.
"""

import logging

from django.contrib.auth import get_user_model
from django_tasks import task

from communicatie import nieuwsbrief
from communicatie.models import Abonnee, Editie

logger = logging.getLogger(__name__)


@task()
def nieuwsbrief_bevestigingsmail(*, abonnee_id: int, soort: str) -> str:
    """Mail the confirmation link, or say the address is already subscribed.

    Skipped when the subscriber is gone by the time it runs, or (for the confirmation link)
    has confirmed meanwhile.
    """
    abonnee = Abonnee.objects.filter(pk=abonnee_id).first()
    if abonnee is None or (soort == "bevestigen" and abonnee.is_bevestigd):
        return "overgeslagen"
    nieuwsbrief.bevestigingsmail_maken(abonnee, soort).send()
    return "verstuurd"


@task()
def nieuwsbrief_batch(*, editie_id: int) -> dict:
    """Send batches of an edition for a minute, then queue the next task (see
    ``nieuwsbrief.versturen``)."""
    return nieuwsbrief.versturen(editie_id=editie_id).als_json()


@task()
def nieuwsbrief_testmail(*, editie_id: int, gebruiker_id: int, profiel: dict) -> str:
    """Send an edition to a staff member, with the offer for a sample of interests."""
    editie = Editie.objects.filter(pk=editie_id).first()
    gebruiker = get_user_model().objects.filter(pk=gebruiker_id, is_active=True).first()
    if editie is None or gebruiker is None or not gebruiker.email:
        return "overgeslagen"
    nieuwsbrief.editiemail_maken(
        editie,
        naar=gebruiker.email,
        profiel=nieuwsbrief.Profiel.uit_json(profiel),
        uitschrijf_url=None,
        test=True,
    ).send()
    return "verstuurd"


@task()
def nieuwsbrief_opruimen() -> int:
    """Daily: delete subscriptions never confirmed (see ``nieuwsbrief.opruimen``)."""
    return nieuwsbrief.opruimen()
