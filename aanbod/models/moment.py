import datetime as dt

from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models.activiteit import Activiteit
from hvk.herhaling import GeroldMoment, Herhalingsregel, lokale_tijd
from locaties.models import Locatie


class Reeks(Herhalingsregel):
    """A recurring rule of an activity (e.g. every Wednesday 9:30-11:00), expanded into moments."""

    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="reeksen", verbose_name=_("activiteit")
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reeksen",
        verbose_name=_("locatie"),
        help_text=_("Leeg: de locatie van de activiteit."),
    )

    class Meta:
        verbose_name = _("herhaling")
        verbose_name_plural = _("herhalingen")

    def __str__(self):
        return self.omschrijving

    def delete(self, *args, **kwargs):
        """Delete the rule with its future moments that nobody changed or registered for.

        Past moments, moved or cancelled ones and those with registrations stay, as single
        moments, so neither history nor anyone's registration is lost.
        """
        with transaction.atomic():
            self.momenten.filter(
                begin__gte=timezone.now(), aangepast=False, inschrijvingen__isnull=True
            ).delete()
            return super().delete(*args, **kwargs)


class MomentQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(geannuleerd=False)

    def komend(self, op=None):
        """Moments not yet over at ``op`` (default now), cancelled ones included.

        The lower bound on ``begin`` (a moment lasts at most ``LANGSTE_DUUR``) lets the
        database start its index on ``begin`` near ``op`` instead of at the first moment ever.
        """
        op = op or timezone.now()
        return self.filter(einde__gte=op, begin__gte=op - self.model.LANGSTE_DUUR)

    def in_periode(self, van: dt.date, tot: dt.date):
        """Moments that start on a day from ``van`` up to and including ``tot`` (local dates)."""
        return self.filter(
            begin__gte=lokale_tijd(van, dt.time()),
            begin__lt=lokale_tijd(tot + dt.timedelta(days=1), dt.time()),
        )

    def beschikbaar_voor(self, gemeente):
        # A subquery, not a join on the gemeenten: a join repeats rows and needs DISTINCT, which
        # makes the database sort every coming moment before it can take the first ten.
        lokaal = Activiteit.gemeenten.through.objects.filter(gemeente=gemeente)
        return self.filter(
            Q(activiteit__bereik=Activiteit.Bereik.REGIONAAL)
            | Q(activiteit_id__in=lokaal.values("activiteit_id"))
        )

    def in_gemeente(self, gemeente):
        return self.filter(
            Q(locatie__gemeente=gemeente)
            | Q(locatie__isnull=True, activiteit__locatie__gemeente=gemeente)
        )

    def met_plek(self):
        return self.select_related(
            "activiteit", "locatie__gemeente", "activiteit__locatie__gemeente"
        )


class Moment(GeroldMoment):
    """A dated occurrence of an activity, at its own place or the activity's."""

    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="momenten", verbose_name=_("activiteit")
    )
    reeks = models.ForeignKey(
        Reeks,
        # Past moments are what the Huis offered; they outlive the rule that made them.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="momenten",
        verbose_name=_("herhaling"),
        editable=False,
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="momenten",
        verbose_name=_("locatie"),
        help_text=_("Leeg: de locatie van de activiteit."),
    )

    objects = MomentQuerySet.as_manager()

    class Meta:
        verbose_name = _("moment")
        verbose_name_plural = _("momenten")
        ordering = ["begin"]
        constraints = [
            models.CheckConstraint(condition=Q(einde__gt=F("begin")), name="moment_volgorde"),
            models.UniqueConstraint(
                fields=["reeks", "oorspronkelijke_datum"], name="moment_eenmaal_per_datum"
            ),
        ]
        indexes = [
            models.Index(fields=["begin"]),
            # The next moments of one place or one activity, in date order.
            models.Index(fields=["locatie", "begin"]),
            models.Index(fields=["activiteit", "begin"]),
        ]

    def __str__(self):
        lokaal = timezone.localtime(self.begin)
        return f"{self.activiteit} {lokaal:%d/%m/%Y %H:%M}"

    @property
    def plek(self) -> Locatie | None:
        return self.locatie if self.locatie_id else self.activiteit.locatie
