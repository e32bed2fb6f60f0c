from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hvk.validators import MaximaleBestandsgrootte, afbeelding_extensie, valideer_merkkleur


class Huisstijl(models.Model):
    """The shared name and brand of the Huis: one row, edited by the coordinator."""

    naam = models.CharField(_("naam van het Huis"), max_length=120)
    ondertitel = models.CharField(
        _("ondertitel"),
        max_length=200,
        blank=True,
        help_text=_("Eén zin onder de naam, bv. “Samen sterk voor gezinnen in de regio”."),
    )
    inleiding = models.TextField(
        _("inleiding op de startpagina"),
        blank=True,
        help_text=_("Een korte uitleg voor inwoners: wat is het Huis van het Kind?"),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="huisstijl/",
        blank=True,
        validators=[afbeelding_extensie, MaximaleBestandsgrootte()],
    )
    kleur = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        default="#1d5c8f",
        validators=[valideer_merkkleur],
        help_text=_("Als #RRGGBB; witte tekst op deze kleur moet leesbaar zijn."),
    )

    class Meta:
        verbose_name = _("huisstijl")
        verbose_name_plural = _("huisstijl")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="huisstijl_enkelvoudig")]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        # There is exactly one Huisstijl: always row 1.
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def huidige(cls) -> "Huisstijl":
        """The stored brand, or an unsaved one with the configured name as a default."""
        return cls.objects.filter(pk=1).first() or cls(naam=settings.HVK_NAAM)
