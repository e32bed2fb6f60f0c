from django.db import models
from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models.activiteit import Activiteit
from aanbod.models.moment import Moment


class InschrijvingQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(status=Inschrijving.Status.BEVESTIGD)

    def drukste_komende_moment(self, *, activiteit: Activiteit):
        """The future moment of ``activiteit`` with the most confirmed seats, or None.

        Seats count as the activity defines: one per family, or every adult and child.
        Cancelled moments take no seats, whatever their registrations still say.
        """
        telling = (
            Count("id")
            if activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN
            else Sum(F("volwassenen") + F("kinderen"))
        )
        rij = (
            self.bevestigd()
            .filter(
                moment__activiteit=activiteit,
                moment__einde__gte=timezone.now(),
                moment__geannuleerd=False,
            )
            .values("moment")
            .annotate(plaatsen=telling)
            .order_by("-plaatsen")
            .first()
        )
        if not rij:
            return None
        return {"plaatsen": rij["plaatsen"], "moment": Moment.objects.get(pk=rij["moment"])}


class Inschrijving(models.Model):
    """A family's registration for a moment: how many seats it takes, and its state.

    Only the counts live here for now; who registered and how to reach them come with the
    registration form.
    """

    class Status(models.TextChoices):
        BEVESTIGD = "bevestigd", _("bevestigd")
        WACHTLIJST = "wachtlijst", _("op de wachtlijst")
        GEANNULEERD = "geannuleerd", _("geannuleerd")

    moment = models.ForeignKey(
        Moment, on_delete=models.PROTECT, related_name="inschrijvingen", verbose_name=_("moment")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BEVESTIGD
    )
    volwassenen = models.PositiveSmallIntegerField(_("volwassenen"), default=1)
    kinderen = models.PositiveSmallIntegerField(_("kinderen"), default=0)
    aangemaakt = models.DateTimeField(_("ingeschreven op"), default=timezone.now)

    objects = InschrijvingQuerySet.as_manager()

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["aangemaakt"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(volwassenen__gte=1) | models.Q(kinderen__gte=1),
                name="inschrijving_minstens_een_persoon",
            )
        ]

    def __str__(self):
        return f"{self.moment} ({self.get_status_display()})"

    @property
    def plaatsen(self) -> int:
        if self.moment.activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
            return 1
        return self.volwassenen + self.kinderen
