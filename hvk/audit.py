"""Audit entries for writes that bypass model signals (``bulk_create``, ``QuerySet.update``).

django-auditlog logs every ``save()`` and ``delete()`` through signals. Services that write
many rows at once use bulk operations for speed; they call these functions so that those
writes reach the same audit trail, with the same actor (set by the request's middleware).
"""

from auditlog.receivers import log_create, log_update


def aangemaakt(rijen) -> None:
    """Log rows just made with ``bulk_create`` (their primary keys must be set)."""
    for rij in rijen:
        log_create(sender=type(rij), instance=rij, created=True)


def bijwerken(rij, **velden) -> None:
    """Change ``velden`` of one row with ``QuerySet.update`` and log the difference first."""
    for veld, waarde in velden.items():
        setattr(rij, veld, waarde)
    log_update(sender=type(rij), instance=rij)  # compares with the row still in the database
    type(rij).objects.filter(pk=rij.pk).update(**velden)
