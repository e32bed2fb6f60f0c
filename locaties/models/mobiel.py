from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente
from hvk.geo import MetCoordinaten
from hvk.herhaling import GeroldMoment, Herhalingsregel
from locaties.models.locatie import Locatie, postcode_validator


class Halte(MetCoordinaten):
    """A stop of a mobile house: an existing place of the Huis, or an address of its own."""

    mobiel_huis = models.ForeignKey(
        Locatie,
        on_delete=models.CASCADE,
        related_name="haltes",
        limit_choices_to={"soort": Locatie.Soort.MOBIEL},
        verbose_name=_("mobiel huis"),
    )
    naam = models.CharField(_("naam"), max_length=150, help_text=_("Bv. “Marktplein Beerse”."))
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="als_halte",
        verbose_name=_("op locatie"),
        help_text=_("Staat het mobiele huis bij een plek van het Huis? Anders: vul het adres in."),
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="haltes", verbose_name=_("gemeente")
    )
    straat = models.CharField(_("straat en nummer"), max_length=150, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=4, blank=True, validators=[postcode_validator]
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("halte")
        verbose_name_plural = _("haltes")
        ordering = ["mobiel_huis", "naam"]
        constraints = [*MetCoordinaten.coordinaten_constraints("halte")]

    def __str__(self):
        return self.naam

    def clean(self):
        fouten = self.coordinaten_fouten()
        if self.locatie_id:
            if self.locatie.soort in (Locatie.Soort.VIRTUEEL, Locatie.Soort.MOBIEL):
                fouten["locatie"] = gettext("Een halte ligt op een vaste plek.")
            elif self.gemeente_id and self.locatie.gemeente_id != self.gemeente_id:
                fouten["gemeente"] = gettext("De gemeente verschilt van die van de locatie.")
        elif not (self.straat and self.postcode and self.plaats):
            fouten["straat"] = gettext(
                "Kies een locatie van het Huis, of vul het adres volledig in."
            )
        if self.mobiel_huis_id and self.mobiel_huis.soort != Locatie.Soort.MOBIEL:
            fouten["mobiel_huis"] = gettext("Alleen een mobiel huis heeft haltes.")
        if fouten:
            raise ValidationError(fouten)

    @property
    def adres(self) -> str:
        if self.locatie_id:
            return self.locatie.adres
        return ", ".join(d for d in (self.straat, f"{self.postcode} {self.plaats}".strip()) if d)

    @property
    def plek_coordinaten(self) -> tuple[float, float] | None:
        return self.coordinaten or (self.locatie.coordinaten if self.locatie_id else None)


class Halteschema(Herhalingsregel):
    """When the mobile house stands at a stop, e.g. every 2nd Tuesday of the month 9:00-12:00."""

    halte = models.ForeignKey(
        Halte, on_delete=models.CASCADE, related_name="schemas", verbose_name=_("halte")
    )

    class Meta:
        verbose_name = _("schema")
        verbose_name_plural = _("schema's")

    def __str__(self):
        return f"{self.halte}: {self.omschrijving}"

    def delete(self, *args, **kwargs):
        """Delete the schedule and its future visits nobody changed; past visits stay."""
        with transaction.atomic():
            self.bezoeken.filter(begin__gte=timezone.now(), aangepast=False).delete()
            return super().delete(*args, **kwargs)


class HaltebezoekQuerySet(models.QuerySet):
    def komend(self, op=None):
        op = op or timezone.now()
        return self.filter(
            einde__gte=op, begin__gte=op - self.model.LANGSTE_DUUR, geannuleerd=False
        )


class Haltebezoek(GeroldMoment):
    """A dated visit of the mobile house at a stop, expanded from its schedule."""

    halte = models.ForeignKey(
        Halte, on_delete=models.CASCADE, related_name="bezoeken", verbose_name=_("halte")
    )
    schema = models.ForeignKey(
        Halteschema,
        # Past visits stay as history when a schedule is removed.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bezoeken",
        verbose_name=_("schema"),
    )

    objects = HaltebezoekQuerySet.as_manager()

    class Meta:
        verbose_name = _("bezoek van het mobiele huis")
        verbose_name_plural = _("bezoeken van het mobiele huis")
        ordering = ["begin"]
        constraints = [
            models.UniqueConstraint(
                fields=["schema", "oorspronkelijke_datum"], name="haltebezoek_eenmaal_per_datum"
            ),
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("begin")), name="haltebezoek_volgorde"
            ),
        ]

    def __str__(self):
        return f"{self.halte} {self.begin:%d/%m/%Y}"
