from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.register import officiele_naam, valideer_nis_code
from hvk.geo import MetCoordinaten
from hvk.validators import MaximaleBestandsgrootte, afbeelding_extensie, valideer_merkkleur

# Paths the public site uses itself; a gemeente's door (/<slug>/) may not take them.
GERESERVEERDE_SLUGS = frozenset(
    {
        "aanbod",
        "accounts",
        "admin",
        "api",
        "healthz",
        "kalender",
        "nieuwsbrief",
        "over",
        "privacy",
        "robots.txt",
        "sitemap.xml",
        "toegankelijkheid",
        "vraag",
        "locaties",
        "media",
        "nieuws",
        "rapportages",
        "static",
        "uit",
        "vragen",
    }
)


def valideer_slug_vrij(waarde: str):
    if waarde in GERESERVEERDE_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is een vast deel van de website; kies een ander webadres."),
            code="gereserveerd",
            params={"slug": waarde},
        )


class Gemeente(MetCoordinaten):
    """A municipality that takes part in the Huis, with the figures that drive fair spreading."""

    naam = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(
        _("webadres"),
        unique=True,
        validators=[valideer_slug_vrij],
        help_text=_("Het deel na de / in het webadres van de gemeente, bv. “beerse”."),
    )
    nis_code = models.CharField(
        _("NIS-code"),
        max_length=5,
        unique=True,
        validators=[valideer_nis_code],
        help_text=_("De code van Statbel, 5 cijfers (bv. 13040 voor Turnhout)."),
        error_messages={"unique": _("Er bestaat al een gemeente met deze NIS-code.")},
    )

    inwoners = models.PositiveIntegerField(_("inwoners"))
    kinderen_0_3 = models.PositiveIntegerField(_("kinderen 0-3 jaar"))
    kinderen_0_12 = models.PositiveIntegerField(_("kinderen 0-12 jaar"))
    bevolking_peiljaar = models.PositiveSmallIntegerField(
        _("bevolking op 1 januari van"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Het jaar van de bevolkingscijfers van Statbel."),
    )
    kansarmoede_index = models.DecimalField(
        _("kansarmoede-index (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "Aandeel geboorten in kansarme gezinnen volgens Opgroeien, in procent met één "
            "decimaal (bv. 14,3)."
        ),
    )
    kansarmoede_jaar = models.PositiveSmallIntegerField(
        _("kansarmoede-index van het jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )

    aanspreekpunt_naam = models.CharField(
        _("aanspreekpunt"),
        max_length=150,
        blank=True,
        help_text=_("Waar inwoners terechtkunnen met vragen, bv. “Sociaal Huis Beerse”."),
    )
    aanspreekpunt_adres = models.CharField(_("adres"), max_length=200, blank=True)
    aanspreekpunt_telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    aanspreekpunt_email = models.EmailField(_("e-mail"), blank=True)
    aanspreekpunt_website = models.URLField(_("website"), blank=True)

    logo = models.ImageField(
        _("logo"),
        upload_to="gemeenten/logo/",
        blank=True,
        validators=[afbeelding_extensie, MaximaleBestandsgrootte()],
    )
    kleur = models.CharField(
        _("kleur"),
        max_length=7,
        default="#1d5c8f",
        validators=[valideer_merkkleur],
        help_text=_(
            "Kleur van de eigen ingangspagina, als #RRGGBB; witte tekst moet leesbaar zijn."
        ),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        constraints = [
            *MetCoordinaten.coordinaten_constraints("gemeente"),
            models.CheckConstraint(
                condition=Q(nis_code__regex=r"^[0-9]{5}$"), name="gemeente_nis_code_5_cijfers"
            ),
            models.CheckConstraint(
                condition=Q(kansarmoede_index__isnull=True)
                | Q(kansarmoede_index__gte=0, kansarmoede_index__lte=100),
                name="gemeente_kansarmoede_percentage",
            ),
            models.CheckConstraint(
                condition=Q(kinderen_0_3__lte=F("kinderen_0_12"))
                & Q(kinderen_0_12__lte=F("inwoners")),
                name="gemeente_kinderen_binnen_bevolking",
            ),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        fouten = self.coordinaten_fouten()
        if self.nis_code:
            officieel = officiele_naam(self.nis_code)
            if officieel and self.naam and self.naam.strip().casefold() != officieel.casefold():
                fouten["naam"] = gettext(
                    "Volgens het register van Statbel heet de gemeente met NIS-code %(code)s "
                    "“%(officieel)s”."
                ) % {"code": self.nis_code, "officieel": officieel}
        if (
            self.kinderen_0_3 is not None
            and self.kinderen_0_12 is not None
            and self.kinderen_0_3 > self.kinderen_0_12
        ):
            fouten["kinderen_0_3"] = gettext(
                "Er kunnen niet meer kinderen van 0-3 jaar zijn dan kinderen van 0-12 jaar."
            )
        if (
            self.kinderen_0_12 is not None
            and self.inwoners is not None
            and self.kinderen_0_12 > self.inwoners
        ):
            fouten["kinderen_0_12"] = gettext("Er kunnen niet meer kinderen zijn dan inwoners.")
        if (self.kansarmoede_index is None) != (self.kansarmoede_jaar is None):
            fouten["kansarmoede_jaar"] = gettext(
                "Vul de kansarmoede-index en het jaar waarop hij slaat samen in."
            )
        if fouten:
            raise ValidationError(fouten)

    @property
    def heeft_aanspreekpunt(self) -> bool:
        """A contact point is a name residents can reach by phone or e-mail."""
        return bool(
            self.aanspreekpunt_naam and (self.aanspreekpunt_telefoon or self.aanspreekpunt_email)
        )
