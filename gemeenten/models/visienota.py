import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models.gemeente import Gemeente
from gemeenten.models.periode import PeriodeQuerySet
from gemeenten.models.thema import Thema
from hvk.validators import MaximaleBestandsgrootte, valideer_pdf


class VisienotaQuerySet(PeriodeQuerySet):
    van_veld = "periode_start"
    tot_veld = "periode_einde"

    def overlappend(self, start: datetime.date, einde: datetime.date):
        return self.filter(periode_start__lte=einde, periode_einde__gte=start)


class Visienota(models.Model):
    """A gemeente's note for one policy period: what it expects, which goals, what it commits."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="visienotas", verbose_name=_("gemeente")
    )
    periode_start = models.DateField(_("begin van de periode"))
    periode_einde = models.DateField(_("einde van de periode"))
    verwachtingen = models.TextField(
        _("verwachtingen"), help_text=_("Wat verwacht de gemeente van het Huis?")
    )
    doelen = models.TextField(
        _("doelen voor de gemeente"),
        help_text=_("Welke doelen moet het Huis nastreven voor deze gemeente?"),
    )
    prioriteiten = models.ManyToManyField(
        Thema,
        blank=True,
        related_name="visienotas",
        verbose_name=_("prioritaire thema's"),
        help_text=_("De thema's die de gemeente als prioriteit noemt."),
    )
    uren_per_jaar = models.DecimalField(
        _("geëngageerde uren per jaar"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("Personeelsinzet die de gemeenteraad engageert, in uren per jaar."),
    )
    budget_per_jaar = models.DecimalField(
        _("geëngageerd budget per jaar (euro)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    goedgekeurd_door_cbs_op = models.DateField(
        _("goedgekeurd door het college op"), null=True, blank=True
    )
    bestand = models.FileField(
        _("visienota (PDF)"),
        upload_to="visienotas/",
        blank=True,
        validators=[
            FileExtensionValidator(
                ["pdf"], message=_("Alleen een PDF-bestand kan als visienota worden opgeladen.")
            ),
            MaximaleBestandsgrootte("HVK_MAX_PDF_BYTES"),
            valideer_pdf,
        ],
    )

    objects = VisienotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("visienota")
        verbose_name_plural = _("visienota's")
        ordering = ["gemeente__naam", "-periode_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_einde__gte=F("periode_start")),
                name="visienota_einde_na_start",
            ),
            models.CheckConstraint(
                condition=Q(uren_per_jaar__gte=0) & Q(budget_per_jaar__gte=0),
                name="visienota_engagement_niet_negatief",
            ),
        ]

    def __str__(self):
        return gettext("Visienota %(gemeente)s %(start)s-%(einde)s") % {
            "gemeente": self.gemeente,
            "start": self.periode_start.year,
            "einde": self.periode_einde.year,
        }

    def clean(self):
        if not (self.periode_start and self.periode_einde):
            return
        if self.periode_einde < self.periode_start:
            raise ValidationError(
                {"periode_einde": gettext("Het einde van de periode ligt vóór het begin.")}
            )
        if self.gemeente_id:
            overlap = (
                Visienota.objects.filter(gemeente_id=self.gemeente_id)
                .overlappend(self.periode_start, self.periode_einde)
                .exclude(pk=self.pk)
                .first()
            )
            if overlap:
                raise ValidationError(
                    gettext(
                        "Deze periode overlapt met de visienota van %(start)s tot %(einde)s van "
                        "dezelfde gemeente. Een gemeente heeft één visienota per periode."
                    )
                    % {
                        "start": overlap.periode_start.strftime("%d/%m/%Y"),
                        "einde": overlap.periode_einde.strftime("%d/%m/%Y"),
                    }
                )


class Inzet(models.Model):
    """Hours actually delivered for a gemeente in one month, by one person."""

    persoon = models.CharField(_("persoon"), max_length=150)
    werkgever = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in dienst van"),
        help_text=_(
            "Vul in als de persoon bij een andere gemeente in dienst is (gedeeld personeel)."
        ),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="inzet",
        verbose_name=_("voor gemeente"),
    )
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    maand = models.PositiveSmallIntegerField(
        _("maand"),
        choices=list(MONTHS.items()),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    uren = models.DecimalField(
        _("uren"),
        max_digits=6,
        decimal_places=1,
        validators=[
            MinValueValidator(Decimal("0.1"), message=_("Het aantal uren moet groter zijn dan 0."))
        ],
    )
    omschrijving = models.CharField(_("waaraan"), max_length=250)
    thema = models.ForeignKey(
        Thema, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("thema")
    )

    class Meta:
        verbose_name = _("geleverde inzet")
        verbose_name_plural = _("geleverde inzet")
        ordering = ["-jaar", "-maand", "gemeente__naam", "persoon"]
        constraints = [
            models.CheckConstraint(condition=Q(uren__gt=0), name="inzet_uren_positief"),
            models.CheckConstraint(
                condition=Q(maand__gte=1, maand__lte=12), name="inzet_maand_geldig"
            ),
        ]
        indexes = [models.Index(fields=["gemeente", "jaar", "maand"])]

    def __str__(self):
        return f"{self.persoon}: {self.uren} u {self.gemeente} {self.maand:02d}/{self.jaar}"


class GemeenschappelijkeVisie(models.Model):
    """The shared vision of one period, built from the gemeenten's visienota's."""

    titel = models.CharField(_("titel"), max_length=200)
    periode_start = models.DateField(_("begin van de periode"))
    periode_einde = models.DateField(_("einde van de periode"))
    tekst = models.TextField(_("tekst"))
    visienotas = models.ManyToManyField(
        Visienota,
        blank=True,
        related_name="gemeenschappelijke_visies",
        verbose_name=_("gebouwd op de visienota's"),
    )
    partnerinbreng = models.TextField(
        _("inbreng van de partners"),
        blank=True,
        help_text=_("Wat de partners aanbrachten voor deze visie."),
    )

    objects = VisienotaQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeenschappelijke visie")
        verbose_name_plural = _("gemeenschappelijke visies")
        ordering = ["-periode_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_einde__gte=F("periode_start")),
                name="gemeenschappelijke_visie_einde_na_start",
            ),
        ]

    def __str__(self):
        return self.titel

    def clean(self):
        if self.periode_start and self.periode_einde and self.periode_einde < self.periode_start:
            raise ValidationError(
                {"periode_einde": gettext("Het einde van de periode ligt vóór het begin.")}
            )
