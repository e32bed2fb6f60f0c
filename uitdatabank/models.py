import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _opslagnaam(instance, filename: str) -> str:
    # An unguessable name: the file sits in the media folder until the import has read it.
    return f"uitdatabank/import/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:8]}"


class UitImport(models.Model):
    """One import of a UiTdatabank file through the admin: who, when, how far, and the report.

    The uploaded file is deleted once read; the report (``verslag``, see
    ``uitdatabank.importeren.Verslag.als_json``) stays.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("wacht op de achtergrondtaak")
        BEZIG = "bezig", _("bezig")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    bestand = models.FileField(_("bestand"), upload_to=_opslagnaam, blank=True)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    proef = models.BooleanField(
        _("alleen controleren"),
        default=False,
        help_text=_(
            "Lees en controleer alles, maar bewaar niets: het verslag zegt wat er zou gebeuren."
        ),
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    aangemaakt = models.DateTimeField(_("opgeladen"), auto_now_add=True)
    afgerond = models.DateTimeField(_("afgerond"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTEND
    )
    totaal = models.PositiveIntegerField(_("events in het bestand"), default=0)
    verwerkt = models.PositiveIntegerField(_("verwerkt"), default=0)
    nieuw = models.PositiveIntegerField(_("aangemaakt"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    overgeslagen = models.PositiveIntegerField(_("overgeslagen"), default=0)
    fout = models.TextField(_("fout"), blank=True)
    verslag = models.JSONField(_("verslag"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import uit UiTdatabank")
        verbose_name_plural = _("imports uit UiTdatabank")
        ordering = ["-aangemaakt", "-pk"]

    def __str__(self):
        if not self.aangemaakt:
            return self.bestandsnaam
        return f"{self.bestandsnaam} ({timezone.localtime(self.aangemaakt):%d/%m/%Y %H:%M})"

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHTEND, self.Status.BEZIG)
