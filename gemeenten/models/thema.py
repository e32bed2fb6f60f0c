from django.db import models
from django.utils.translation import gettext_lazy as _


class Thema(models.Model):
    """A theme shared by priorities, working groups and the offer (kinderarmoede, ontmoeting…)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("webadres"), unique=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam
