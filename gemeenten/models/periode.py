"""Dated rows: what is current on a given day."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


def vandaag() -> datetime.date:
    return timezone.localdate()


def lopend_op(dag: datetime.date, van: str = "van", tot: str = "tot") -> Q:
    """Rows whose period [van, tot] contains ``dag``; an empty ``tot`` means open-ended."""
    return Q(**{f"{van}__lte": dag}) & (Q(**{f"{tot}__isnull": True}) | Q(**{f"{tot}__gte": dag}))


class PeriodeQuerySet(models.QuerySet):
    van_veld = "van"
    tot_veld = "tot"

    def lopend(self, op: datetime.date | None = None):
        return self.filter(lopend_op(op or vandaag(), self.van_veld, self.tot_veld))
