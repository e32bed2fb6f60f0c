"""Coordinates of places and straight-line distances between them."""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hvk.validators import valideer_breedtegraad, valideer_lengtegraad

AARDSTRAAL_KM = 6371.0088


class MetCoordinaten(models.Model):
    """A latitude and longitude in Belgium (WGS84), both or neither."""

    breedtegraad = models.DecimalField(
        _("breedtegraad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[valideer_breedtegraad],
        help_text=_("Bv. 51,322300 (WGS84, zoals op een online kaart)."),
    )
    lengtegraad = models.DecimalField(
        _("lengtegraad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[valideer_lengtegraad],
        help_text=_("Bv. 4,944800."),
    )

    class Meta:
        abstract = True

    @classmethod
    def coordinaten_constraints(cls, naam: str) -> list[models.CheckConstraint]:
        """Database guards for a concrete model: both or neither, and inside Belgium."""
        return [
            models.CheckConstraint(
                condition=Q(breedtegraad__isnull=True, lengtegraad__isnull=True)
                | Q(breedtegraad__isnull=False, lengtegraad__isnull=False),
                name=f"{naam}_coordinaten_samen",
            ),
            models.CheckConstraint(
                condition=Q(breedtegraad__isnull=True)
                | Q(breedtegraad__gte=49.49, breedtegraad__lte=51.51),
                name=f"{naam}_breedtegraad_in_belgie",
            ),
            models.CheckConstraint(
                condition=Q(lengtegraad__isnull=True)
                | Q(lengtegraad__gte=2.54, lengtegraad__lte=6.41),
                name=f"{naam}_lengtegraad_in_belgie",
            ),
        ]

    def coordinaten_fouten(self) -> dict[str, str]:
        if (self.breedtegraad is None) != (self.lengtegraad is None):
            veld = "lengtegraad" if self.lengtegraad is None else "breedtegraad"
            return {veld: gettext("Vul breedte- en lengtegraad samen in.")}
        return {}

    def clean(self):
        super().clean()
        if fouten := self.coordinaten_fouten():
            raise ValidationError(fouten)

    @property
    def heeft_coordinaten(self) -> bool:
        return self.breedtegraad is not None and self.lengtegraad is not None

    @property
    def coordinaten(self) -> tuple[float, float] | None:
        if not self.heeft_coordinaten:
            return None
        return float(self.breedtegraad), float(self.lengtegraad)


def afstand_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) pairs."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * AARDSTRAAL_KM * math.asin(math.sqrt(h))
