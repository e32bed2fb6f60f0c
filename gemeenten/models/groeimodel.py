"""Bataljong's growth model: the phase of the partnership and each role's checklist."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models.gemeente import Gemeente


class Fase(models.TextChoices):
    POTGROND = "potgrond", _("potgrond: een lerend netwerk")
    BLOEMENWEIDE = "bloemenweide", _("bloemenweide: gezamenlijke acties")
    BLOEMENWINKEL = "bloemenwinkel", _("bloemenwinkel: structurele samenwerking")


class GroeifaseQuerySet(models.QuerySet):
    def huidige(self, op):
        return self.filter(sinds__lte=op).order_by("-sinds").first()


class Groeifase(models.Model):
    """A phase the partnership entered on a date; the rows together are its history."""

    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    sinds = models.DateField(_("sinds"), unique=True)
    motivatie = models.TextField(_("motivatie"))

    objects = GroeifaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("groeifase")
        verbose_name_plural = _("groeimodel: fasen")
        ordering = ["-sinds"]

    def __str__(self):
        return f"{self.get_fase_display()} ({self.sinds:%d/%m/%Y})"


class Roltaak(models.Model):
    """What a role should do in a phase, drawn from Bataljong's groeimodel."""

    class Rol(models.TextChoices):
        SCHEPEN = "schepen", _("schepen")
        AMBTENAAR = "ambtenaar", _("ambtenaar")
        SAMEN = "samen", _("schepen en ambtenaar samen")

    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    tekst = models.TextField(_("taak"))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("roltaak")
        verbose_name_plural = _("groeimodel: roltaken")
        ordering = ["fase", "rol", "volgorde"]

    def __str__(self):
        return f"{self.get_rol_display()}: {self.tekst[:60]}"


class Zelfevaluatie(models.Model):
    """A gemeente's yearly tick-off of the role checklist of the current phase."""

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        related_name="zelfevaluaties",
        verbose_name=_("gemeente"),
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)

    class Meta:
        verbose_name = _("zelfevaluatie")
        verbose_name_plural = _("groeimodel: zelfevaluaties")
        ordering = ["-jaar", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "jaar"], name="zelfevaluatie_een_per_gemeente_per_jaar"
            )
        ]

    def __str__(self):
        return f"{self.gemeente} {self.jaar}"


class Afvinking(models.Model):
    zelfevaluatie = models.ForeignKey(
        Zelfevaluatie, on_delete=models.CASCADE, related_name="afvinkingen"
    )
    roltaak = models.ForeignKey(Roltaak, on_delete=models.PROTECT, verbose_name=_("taak"))
    gedaan = models.BooleanField(_("gedaan"), default=False)
    opmerking = models.CharField(_("opmerking"), max_length=250, blank=True)

    class Meta:
        verbose_name = _("afvinking")
        verbose_name_plural = _("afvinkingen")
        ordering = ["roltaak__rol", "roltaak__volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["zelfevaluatie", "roltaak"], name="afvinking_een_per_taak"
            )
        ]

    def __str__(self):
        return str(self.roltaak)


class Verwachting(models.Model):
    """The yearly expectations round: what a gemeente expects, and whether it was met."""

    class Ingelost(models.TextChoices):
        OPEN = "open", _("nog open")
        JA = "ja", _("ingelost")
        DEELS = "deels", _("deels ingelost")
        NEE = "nee", _("niet ingelost")

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="verwachtingen", verbose_name=_("gemeente")
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    verwachting = models.TextField(_("verwachting"))
    ingelost = models.CharField(
        _("ingelost?"), max_length=10, choices=Ingelost.choices, default=Ingelost.OPEN
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("verwachting")
        verbose_name_plural = _("groeimodel: verwachtingsrondes")
        ordering = ["-jaar", "gemeente__naam"]

    def __str__(self):
        return f"{self.gemeente} {self.jaar}: {self.verwachting[:50]}"
