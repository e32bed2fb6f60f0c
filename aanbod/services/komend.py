"""Keep ``Activiteit.komend_begin``, the stored begin of each activity's next moment, current."""

from collections.abc import Iterable

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from aanbod.models import Activiteit, Moment


def komend_begin_bijwerken(*, activiteiten: Iterable[int] | None = None) -> int:
    """Store the begin of the next moment (not cancelled, not over) of each activity.

    ``activiteiten``: ids of the activities to update; None updates all of them (the daily
    command, and after bulk loads that bypass the signals). One UPDATE statement.
    Writes: ``Activiteit.komend_begin`` only, with ``QuerySet.update`` (no signals, no
    ``gewijzigd``: nothing a person changed). Returns the number of activities updated.
    """
    volgend = (
        Moment.objects.komend(timezone.now())
        .filter(activiteit=OuterRef("pk"), geannuleerd=False)
        .order_by("begin", "pk")
        .values("begin")[:1]
    )
    qs = Activiteit.objects.all()
    if activiteiten is not None:
        qs = qs.filter(pk__in=list(activiteiten))
    return qs.update(komend_begin=Subquery(volgend))


@receiver(post_save, sender=Moment)
@receiver(post_delete, sender=Moment)
def _moment_gewijzigd(sender, instance, **kwargs):
    # A moment saved, moved, cancelled or deleted one by one; bulk writes call the function
    # themselves. In the same transaction as the change, so the two commit together.
    if instance.activiteit_id is not None:
        komend_begin_bijwerken(activiteiten=[instance.activiteit_id])


@receiver(post_save, sender=Activiteit)
def _activiteit_bewaard(sender, instance, created, **kwargs):
    # Saving an activity writes back the value it was loaded with, which a change to its
    # moments since may have made stale.
    if not created:
        komend_begin_bijwerken(activiteiten=[instance.pk])
