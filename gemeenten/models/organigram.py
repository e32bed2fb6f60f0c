from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models.gemeente import Gemeente
from gemeenten.models.partner import Partner
from gemeenten.models.periode import PeriodeQuerySet
from gemeenten.models.thema import Thema


class Orgaan(models.Model):
    """A body of the partnership (bestuursorgaan): beleidsgroep, stuurgroep or werkgroep."""

    class Soort(models.TextChoices):
        BELEIDSGROEP = "beleidsgroep", _("beleidsgroep")
        STUURGROEP = "stuurgroep", _("stuurgroep")
        WERKGROEP = "werkgroep", _("werkgroep")
        ANDER = "ander", _("ander overleg")

    # Bodies that need someone from every participating gemeente.
    SOORTEN_MET_ELKE_GEMEENTE = (Soort.BELEIDSGROEP, Soort.STUURGROEP)

    naam = models.CharField(_("naam"), max_length=150, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    thema = models.ForeignKey(
        Thema,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organen",
        verbose_name=_("thema"),
        help_text=_("Verplicht voor een werkgroep."),
    )
    alleen_afstemming = models.BooleanField(
        _("enkel afstemming van de intergemeentelijke werking"),
        default=False,
        help_text=_("Een werkgroep die enkel de samenwerking zelf afstemt."),
    )
    opdracht = models.TextField(_("opdracht"), blank=True)

    class Meta:
        verbose_name = _("orgaan")
        verbose_name_plural = _("organigram")
        ordering = ["soort", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(soort="werkgroep") | Q(thema__isnull=False),
                name="orgaan_werkgroep_heeft_thema",
            )
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        if self.soort == self.Soort.WERKGROEP and not self.thema_id:
            raise ValidationError({"thema": gettext("Kies het thema van deze werkgroep.")})


class LidQuerySet(PeriodeQuerySet):
    pass


class Lid(models.Model):
    """A member of a body (mandataris or not), representing a gemeente or a partner."""

    class Rol(models.TextChoices):
        VOORZITTER = "voorzitter", _("voorzitter")
        LID = "lid", _("lid")
        SECRETARIS = "secretaris", _("secretaris")

    orgaan = models.ForeignKey(
        Orgaan, on_delete=models.CASCADE, related_name="leden", verbose_name=_("orgaan")
    )
    naam = models.CharField(_("naam"), max_length=150)
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.LID)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("vertegenwoordigt gemeente"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("vertegenwoordigt partner"),
    )
    met_mandaat = models.BooleanField(
        _("met politiek mandaat"), default=False, help_text=_("Bv. schepen of gemeenteraadslid.")
    )
    mandaat = models.CharField(
        _("mandaat"), max_length=150, blank=True, help_text=_("Bv. schepen van Jeugd.")
    )
    van = models.DateField(_("lid sinds"))
    tot = models.DateField(_("lid tot"), null=True, blank=True)

    objects = LidQuerySet.as_manager()

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["orgaan", "rol", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(gemeente__isnull=False) & Q(partner__isnull=True))
                | (Q(gemeente__isnull=True) & Q(partner__isnull=False)),
                name="lid_vertegenwoordigt_gemeente_of_partner",
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")), name="lid_tot_na_van"
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.vertegenwoordigt})"

    @property
    def vertegenwoordigt(self):
        return self.gemeente or self.partner

    def clean(self):
        fouten = {}
        if bool(self.gemeente_id) == bool(self.partner_id):
            fouten["gemeente"] = gettext(
                "Kies de gemeente óf de partner die dit lid vertegenwoordigt (precies één)."
            )
        if self.tot and self.van and self.tot < self.van:
            fouten["tot"] = gettext("Het einde van het lidmaatschap ligt vóór het begin.")
        if self.met_mandaat and self.partner_id and not self.gemeente_id:
            fouten["met_mandaat"] = gettext(
                "Een politiek mandaat hoort bij een gemeente, niet bij een partner."
            )
        if fouten:
            raise ValidationError(fouten)
