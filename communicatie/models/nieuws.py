from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente


class NieuwsQuerySet(models.QuerySet):
    def gepubliceerd(self, op=None):
        return self.filter(gepubliceerd=True, publicatiedatum__lte=op or timezone.now())

    def voor_gemeente(self, gemeente):
        """News for everyone plus news for this one gemeente."""
        return self.filter(models.Q(gemeente__isnull=True) | models.Q(gemeente=gemeente))


class Nieuwsbericht(models.Model):
    """A short news item, for the whole Huis or for one gemeente."""

    titel = models.CharField(_("titel"), max_length=150)
    slug = models.SlugField(_("webadres"), max_length=160, unique=True)
    inleiding = models.CharField(
        _("inleiding"), max_length=300, help_text=_("Eén of twee zinnen voor de lijst.")
    )
    tekst = models.TextField(_("tekst"), blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="nieuws",
        verbose_name=_("gemeente"),
        help_text=_("Leeg voor nieuws voor het hele Huis."),
    )
    publicatiedatum = models.DateTimeField(_("publiceren vanaf"), default=timezone.now)
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)

    objects = NieuwsQuerySet.as_manager()

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuws")
        ordering = ["-publicatiedatum"]

    def __str__(self):
        return self.titel
