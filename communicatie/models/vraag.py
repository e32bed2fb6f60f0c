from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente


class VraagQuerySet(models.QuerySet):
    def te_wissen(self, op=None):
        """Questions past the retention period (``HVK_VRAGEN_BEWAARTERMIJN_DAGEN``)."""
        grens = (op or timezone.now()) - timezone.timedelta(
            days=settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN
        )
        return self.filter(aangemaakt__lt=grens)


class Vraag(models.Model):
    """A resident's question, routed to the contact point of the gemeente they chose.

    Personal data: kept only to answer the question, and deleted after the retention period.
    """

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("nieuw")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        BEANTWOORD = "beantwoord", _("beantwoord")

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="vragen", verbose_name=_("gemeente")
    )
    naam = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    vraag = models.TextField(_("vraag"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NIEUW
    )
    aangemaakt = models.DateTimeField(_("gesteld op"), default=timezone.now)
    doorgestuurd_naar = models.EmailField(_("doorgestuurd naar"), blank=True, editable=False)

    objects = VraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-aangemaakt"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(telefoon=""), name="vraag_heeft_contact"
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.gemeente})"
