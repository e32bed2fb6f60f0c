from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.gemeente import Gemeente


class Partner(models.Model):
    """An organisation that delivers offer, with its own werkingsgebied."""

    class Soort(models.TextChoices):
        OPGROEIEN = "opgroeien", _("Opgroeien / Kind en Gezin")
        CAW = "caw", _("CAW")
        OCMW = "ocmw", _("OCMW / Sociaal Huis")
        BIBLIOTHEEK = "bibliotheek", _("bibliotheek")
        KINDEROPVANG = "kinderopvang", _("kinderopvang")
        ONDERWIJS = "onderwijs", _("school / CLB")
        GEZONDHEID = "gezondheid", _("gezondheidszorg")
        VRIJWILLIGERS = "vrijwilligers", _("vrijwilligersorganisatie")
        ANDER = "ander", _("andere")

    naam = models.CharField(_("naam"), max_length=150, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    contactpersoon = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    werkingsgebied = models.ManyToManyField(
        Gemeente,
        blank=True,
        related_name="partners",
        verbose_name=_("werkingsgebied"),
        help_text=_("De gemeenten van het Huis waar deze partner werkt."),
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]

    def __str__(self):
        return self.naam
