from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente
from hvk.geo import MetCoordinaten
from hvk.validators import MaximaleBestandsgrootte, afbeelding_extensie
from locaties.openingsuren import Openingsschema

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3}$", _("Een Belgische postcode heeft 4 cijfers, bv. 2300.")
)

# Accessibility facts are yes / no / not known: "not known" must not read as "no".
JA_NEE_ONBEKEND = {"null": True, "blank": True}


class Taal(models.Model):
    """A language spoken at a place or an activity (ISO 639 code)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class LocatieQuerySet(models.QuerySet):
    def in_gemeente(self, gemeente):
        return self.filter(gemeente=gemeente)

    def met_openingsuren(self, vanaf=None):
        """Prefetch what ``Locatie.openingsschema()`` needs: two queries for any number.

        Only exceptions not over before ``vanaf`` (default today) are loaded, so the cost does
        not grow with years of past holidays.
        """
        # openingsuren.py imports this module, so its model is looked up here.
        from locaties.models.openingsuren import Uitzondering

        vanaf = vanaf or timezone.localdate()
        return self.prefetch_related(
            "openingsuren",
            models.Prefetch(
                "uitzonderingen",
                queryset=Uitzondering.objects.filter(
                    Q(tot__gte=vanaf) | Q(tot__isnull=True, van__gte=vanaf)
                ),
            ),
        )


class Locatie(MetCoordinaten):
    """A place of the Huis: a building, a hub, an antenna, a meeting place, online or mobile."""

    class Soort(models.TextChoices):
        FYSIEK_HUIS = "fysiek", _("fysiek huis")
        CENTRAAL_HUIS = "centraal", _("centraal huis")
        ANTENNE = "antenne", _("antenne")
        ONTMOETINGSPLEK = "ontmoetingsplek", _("ontmoetingsplek")
        VIRTUEEL = "virtueel", _("virtueel huis")
        MOBIEL = "mobiel", _("mobiel huis")

    naam = models.CharField(_("naam"), max_length=150)
    slug = models.SlugField(_("webadres"), max_length=160, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locaties",
        verbose_name=_("gemeente"),
        help_text=_("Leeg voor het virtuele huis; voor een mobiel huis de thuisbasis."),
    )
    is_aanbodplek = models.BooleanField(
        _("hier vindt aanbod plaats"),
        default=True,
        help_text=_("Activiteiten, consultaties of ontmoeting gebeuren op deze plek."),
    )
    is_contactpunt = models.BooleanField(
        _("contactpunt"),
        default=False,
        help_text=_("Inwoners kunnen hier terecht met vragen, voor afspraken of informatie."),
    )

    straat = models.CharField(_("straat en nummer"), max_length=150, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=4, blank=True, validators=[postcode_validator]
    )
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)

    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    afbeelding = models.ImageField(
        _("foto"),
        upload_to="locaties/",
        blank=True,
        validators=[afbeelding_extensie, MaximaleBestandsgrootte()],
    )
    afbeelding_alt = models.CharField(
        _("beschrijving van de foto"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie de foto niet ziet, bv. “Ingang met helling naast de trap”."),
    )
    beschrijving = models.TextField(_("beschrijving"), blank=True)

    rolstoeltoegankelijk = models.BooleanField(_("rolstoeltoegankelijk"), **JA_NEE_ONBEKEND)
    kinderwagentoegankelijk = models.BooleanField(
        _("toegankelijk met kinderwagen"), **JA_NEE_ONBEKEND
    )
    verzorgingstafel = models.BooleanField(_("verzorgingstafel"), **JA_NEE_ONBEKEND)
    parking = models.BooleanField(_("parking"), **JA_NEE_ONBEKEND)
    stille_ruimte = models.BooleanField(
        _("stille ruimte"),
        **JA_NEE_ONBEKEND,
        help_text=_("Een rustige plek om borstvoeding te geven of tot rust te komen."),
    )
    ov_halte = models.CharField(
        _("halte openbaar vervoer"),
        max_length=150,
        blank=True,
        help_text=_("De naam van de bus- of tramhalte vlakbij, bv. “Turnhout Grote Markt”."),
    )
    talen = models.ManyToManyField(
        Taal, blank=True, related_name="locaties", verbose_name=_("gesproken talen")
    )
    # The place's "@id" in UiTdatabank, so that an import finds it again (docs/uitdatabank.md).
    uit_id = models.CharField(
        _("UiTdatabank-id"),
        max_length=255,
        blank=True,
        help_text=_("Het @id van deze plek in UiTdatabank, als ze daar bestaat."),
    )

    objects = LocatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["naam"]
        constraints = [
            *MetCoordinaten.coordinaten_constraints("locatie"),
            models.CheckConstraint(
                condition=~Q(soort="virtueel") | Q(gemeente__isnull=True),
                name="locatie_virtueel_zonder_gemeente",
            ),
            models.CheckConstraint(
                condition=Q(soort__in=["virtueel", "mobiel"]) | Q(gemeente__isnull=False),
                name="locatie_plek_in_gemeente",
            ),
            models.UniqueConstraint(
                fields=["uit_id"], condition=~Q(uit_id=""), name="locatie_uit_id_uniek"
            ),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        fouten = self.coordinaten_fouten()
        vast = self.soort not in (self.Soort.VIRTUEEL, self.Soort.MOBIEL)
        if self.soort == self.Soort.VIRTUEEL:
            if self.gemeente_id:
                fouten["gemeente"] = gettext(
                    "Het virtuele huis hoort bij het hele werkingsgebied, niet bij één gemeente."
                )
            if not self.website:
                fouten["website"] = gettext("Geef het webadres van het virtuele huis.")
        elif vast:
            if not self.gemeente_id:
                fouten["gemeente"] = gettext("Kies de gemeente waar deze plek ligt.")
            if not (self.straat and self.postcode and self.plaats):
                fouten["straat"] = gettext(
                    "Vul het adres volledig in (straat en nummer, postcode en plaats)."
                )
        if self.soort == self.Soort.ANTENNE and not (self.is_aanbodplek or self.is_contactpunt):
            fouten["is_aanbodplek"] = gettext(
                "Een antenne is een plek waar aanbod plaatsvindt, een contactpunt, of beide."
            )
        if fouten:
            raise ValidationError(fouten)

    @property
    def adres(self) -> str:
        return ", ".join(d for d in (self.straat, f"{self.postcode} {self.plaats}".strip()) if d)

    @property
    def routelink(self) -> str:
        """A route link that needs no API key and shares nothing until the resident clicks."""
        if self.heeft_coordinaten:
            return (
                "https://www.openstreetmap.org/directions?to="
                f"{self.breedtegraad}%2C{self.lengtegraad}"
            )
        return ""

    def openingsschema(self):
        """This place's opening hours; uses prefetched rows when the queryset asked for them."""
        return Openingsschema(self.openingsuren.all(), self.uitzonderingen.all())

    def is_open_op(self, moment) -> bool:
        return self.openingsschema().is_open_op(moment)
