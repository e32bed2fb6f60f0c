from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hvk.herhaling import Weekdag
from locaties.models.locatie import Locatie


class Openingsuur(models.Model):
    """One slot of a place's weekly schedule; a day can have several."""

    locatie = models.ForeignKey(
        Locatie, on_delete=models.CASCADE, related_name="openingsuren", verbose_name=_("locatie")
    )
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekdag.choices)
    begin = models.TimeField(_("van"))
    einde = models.TimeField(_("tot"))
    vrije_inloop = models.BooleanField(
        _("vrije inloop"), default=False, help_text=_("Binnenlopen zonder afspraak.")
    )

    class Meta:
        verbose_name = _("openingsuur")
        verbose_name_plural = _("openingsuren")
        ordering = ["weekdag", "begin"]
        constraints = [
            models.CheckConstraint(condition=Q(einde__gt=F("begin")), name="openingsuur_volgorde"),
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} {self.begin:%H:%M}\N{EN DASH}{self.einde:%H:%M}"

    def clean(self):
        if self.begin and self.einde and self.einde <= self.begin:
            raise ValidationError({"einde": gettext("Het einde moet na het begin liggen.")})


class Uitzondering(models.Model):
    """A dated change to the weekly schedule: a closure, or other hours on those days.

    On a day covered by an exception *with* hours, only those hours hold (an extra opening, or
    shorter hours); on a day covered only by a closure, the place is closed. So an extra opening
    inside a closed holiday week wins over the closure.
    """

    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.CASCADE,
        related_name="uitzonderingen",
        verbose_name=_("locatie"),
    )
    van = models.DateField(_("van"))
    tot = models.DateField(
        _("tot en met"), null=True, blank=True, help_text=_("Leeg voor één dag.")
    )
    omschrijving = models.CharField(
        _("omschrijving"), max_length=150, help_text=_("Bv. “Kerstvakantie” of “Extra opening”.")
    )
    begin = models.TimeField(
        _("open van"), null=True, blank=True, help_text=_("Leeg als de plek gesloten is.")
    )
    einde = models.TimeField(_("open tot"), null=True, blank=True)
    vrije_inloop = models.BooleanField(_("vrije inloop"), default=False)

    class Meta:
        verbose_name = _("uitzondering op de openingsuren")
        verbose_name_plural = _("uitzonderingen op de openingsuren")
        ordering = ["van", "begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("van")),
                name="uitzondering_periode_volgorde",
            ),
            models.CheckConstraint(
                condition=Q(begin__isnull=True, einde__isnull=True)
                | Q(begin__isnull=False, einde__isnull=False, einde__gt=F("begin")),
                name="uitzondering_uren",
            ),
        ]

    def __str__(self):
        return self.omschrijving

    @property
    def gesloten(self) -> bool:
        return self.begin is None

    @property
    def laatste_dag(self):
        return self.tot or self.van

    def geldt_op(self, dag) -> bool:
        return self.van <= dag <= self.laatste_dag

    def clean(self):
        fouten = {}
        if self.van and self.tot and self.tot < self.van:
            fouten["tot"] = gettext("De einddatum ligt vóór de begindatum.")
        if (self.begin is None) != (self.einde is None):
            fouten["einde"] = gettext(
                "Vul beide uren in voor afwijkende openingsuren, of geen van beide als de plek "
                "gesloten is."
            )
        elif self.begin and self.einde <= self.begin:
            fouten["einde"] = gettext("Het einde moet na het begin liggen.")
        if self.vrije_inloop and self.begin is None:
            fouten["vrije_inloop"] = gettext("Een gesloten dag heeft geen vrije inloop.")
        if fouten:
            raise ValidationError(fouten)
