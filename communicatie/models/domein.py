import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente

HOSTNAAM = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def valideer_hostnaam(waarde: str):
    if not HOSTNAAM.match(waarde or ""):
        raise ValidationError(
            _("Geef een domeinnaam zonder https:// of /, bv. huisvanhetkind-beerse.be."),
            code="hostnaam",
        )


class Domein(models.Model):
    """A gemeente's own host name that serves its door, e.g. huisvanhetkind-beerse.be."""

    hostnaam = models.CharField(
        _("domeinnaam"),
        max_length=253,
        unique=True,
        validators=[valideer_hostnaam],
        error_messages={"unique": _("Deze domeinnaam hoort al bij een gemeente.")},
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="domeinen", verbose_name=_("gemeente")
    )

    class Meta:
        verbose_name = _("domeinnaam")
        verbose_name_plural = _("domeinnamen")
        ordering = ["hostnaam"]

    def __str__(self):
        return self.hostnaam

    def save(self, *args, **kwargs):
        self.hostnaam = self.hostnaam.strip().lower()
        super().save(*args, **kwargs)

    def clean(self):
        self.hostnaam = (self.hostnaam or "").strip().lower()
