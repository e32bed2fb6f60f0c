from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AfspraakQuerySet(models.QuerySet):
    def geldend(self, op):
        """Per onderwerp the latest version that applies on ``op``."""
        return self.filter(geldig_vanaf__lte=op).order_by("onderwerp", "-geldig_vanaf")


class Afspraak(models.Model):
    """An agreement of the common plan, one text per subject, versioned by date."""

    class Onderwerp(models.TextChoices):
        TOELEIDING = "toeleiding", _("toeleiding")
        REGISTRATIE = "registratie", _("registratie")
        TOEGANKELIJKHEID = "toegankelijkheid", _("toegankelijkheid")
        GEBRUIKERSPARTICIPATIE = "gebruikersparticipatie", _("gebruikersparticipatie")

    onderwerp = models.CharField(_("onderwerp"), max_length=30, choices=Onderwerp.choices)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    tekst = models.TextField(_("afspraak"))
    doel = models.TextField(
        _("doel"),
        blank=True,
        help_text=_("Voor registratie verplicht: waarvoor wordt er geregistreerd?"),
    )
    goedgekeurd_door = models.CharField(
        _("goedgekeurd door"), max_length=150, blank=True, help_text=_("Bv. de stuurgroep.")
    )

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak van het gemeenschappelijk plan")
        verbose_name_plural = _("gemeenschappelijk plan")
        ordering = ["onderwerp", "-geldig_vanaf"]
        constraints = [
            models.UniqueConstraint(
                fields=["onderwerp", "geldig_vanaf"], name="afspraak_een_versie_per_dag"
            )
        ]

    def __str__(self):
        return f"{self.get_onderwerp_display()} ({self.geldig_vanaf:%d/%m/%Y})"

    def clean(self):
        if self.onderwerp == self.Onderwerp.REGISTRATIE and not self.doel.strip():
            raise ValidationError(
                {"doel": gettext("Registratie vraagt een doel: waarvoor wordt er geregistreerd?")}
            )
