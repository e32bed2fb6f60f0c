from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente, Partner, Thema
from hvk.validators import MaximaleBestandsgrootte, afbeelding_extensie
from locaties.models import Locatie, Taal

# Ages are kept in months so that "babies from 3 months" and "teenagers to 18" fit one scale.
MAX_LEEFTIJD_MAANDEN = 25 * 12


class Pijler(models.TextChoices):
    PREVENTIEVE_GEZONDHEIDSZORG = "gezondheid", _("preventieve gezondheidszorg")
    OPVOEDINGSONDERSTEUNING = "opvoeding", _("opvoedingsondersteuning")
    ONTMOETING = "ontmoeting", _("ontmoeting")


class Doelgroep(models.Model):
    """Whom an activity is for: aanstaande ouders, gezinnen met jonge kinderen, …"""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("webadres"), unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class ActiviteitQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def beschikbaar_voor(self, gemeente):
        """Offer a resident of ``gemeente`` may use: regional, or local to that gemeente."""
        return self.filter(Q(bereik=Activiteit.Bereik.REGIONAAL) | Q(gemeenten=gemeente)).distinct()

    def in_gemeente(self, gemeente):
        """Offer that takes place in ``gemeente`` (at its own place or at one of its moments)."""
        return self.filter(
            Q(locatie__gemeente=gemeente) | Q(momenten__locatie__gemeente=gemeente)
        ).distinct()


class Activiteit(models.Model):
    """Something the Huis offers: a consultation, a course, a play group, a lecture…"""

    class Bereik(models.TextChoices):
        REGIONAAL = "regionaal", _("regionaal: voor het hele werkingsgebied")
        LOKAAL = "lokaal", _("lokaal: voor gekozen gemeenten")

    class PlaatsenPer(models.TextChoices):
        PERSOON = "persoon", _("per persoon")
        GEZIN = "gezin", _("per gezin")

    titel = models.CharField(_("titel"), max_length=150)
    slug = models.SlugField(_("webadres"), max_length=160, unique=True)
    samenvatting = models.CharField(
        _("samenvatting"),
        max_length=200,
        blank=True,
        help_text=_("Eén zin voor lijsten en de flyer."),
    )
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    afbeelding = models.ImageField(
        _("foto"),
        upload_to="aanbod/",
        blank=True,
        validators=[afbeelding_extensie, MaximaleBestandsgrootte()],
    )
    afbeelding_alt = models.CharField(_("beschrijving van de foto"), max_length=200, blank=True)

    pijler = models.CharField(_("pijler"), max_length=20, choices=Pijler.choices)
    themas = models.ManyToManyField(
        Thema, blank=True, related_name="activiteiten", verbose_name=_("thema's")
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep, blank=True, related_name="activiteiten", verbose_name=_("doelgroepen")
    )
    leeftijd_van = models.PositiveSmallIntegerField(
        _("leeftijd van (maanden)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_LEEFTIJD_MAANDEN)],
        help_text=_("Leeftijd van het kind in maanden; 0 voor pasgeborenen, 36 voor 3 jaar."),
    )
    leeftijd_tot = models.PositiveSmallIntegerField(
        _("leeftijd tot (maanden)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_LEEFTIJD_MAANDEN)],
        help_text=_("Tot en met deze leeftijd in maanden; leeg als er geen bovengrens is."),
    )
    talen = models.ManyToManyField(
        Taal, blank=True, related_name="activiteiten", verbose_name=_("gesproken talen")
    )

    prijs = models.DecimalField(
        _("prijs (euro)"),
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 voor gratis aanbod."),
    )
    sociaal_tarief = models.DecimalField(
        _("sociaal tarief (euro)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Verminderde prijs voor wie het moeilijker heeft; leeg als er geen is."),
    )
    uitpas = models.BooleanField(
        _("UiTPAS-kansentarief"), default=False, help_text=_("Korting met de UiTPAS.")
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="activiteiten", verbose_name=_("partners")
    )

    bereik = models.CharField(
        _("bereik"), max_length=10, choices=Bereik.choices, default=Bereik.REGIONAAL
    )
    gemeenten = models.ManyToManyField(
        Gemeente,
        blank=True,
        related_name="lokaal_aanbod",
        verbose_name=_("voor de gemeenten"),
        help_text=_("Alleen bij lokaal aanbod: voor inwoners van welke gemeenten."),
    )
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("locatie"),
        help_text=_("Waar het meestal doorgaat; een moment kan een andere plek hebben."),
    )
    doorlopend = models.BooleanField(
        _("doorlopend aanbod"),
        default=False,
        help_text=_(
            "Een vaste dienst zonder aparte momenten: te gebruiken tijdens de openingsuren "
            "van de locatie."
        ),
    )
    inschrijving_vereist = models.BooleanField(_("inschrijven verplicht"), default=False)
    capaciteit = models.PositiveIntegerField(
        _("plaatsen per moment"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leeg als er geen grens is."),
    )
    plaatsen_per = models.CharField(
        _("plaatsen tellen"),
        max_length=10,
        choices=PlaatsenPer.choices,
        default=PlaatsenPer.PERSOON,
    )
    generiek = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lokale_versies",
        verbose_name=_("lokale versie van"),
        help_text=_("Het generieke aanbod waarvan dit een gemeentelijke vertaling is."),
    )
    gepubliceerd = models.BooleanField(
        _("gepubliceerd"), default=True, help_text=_("Zichtbaar op de website.")
    )
    # Where an activity imported from UiTdatabank came from (its "@id"), so that importing
    # the same file again updates it instead of adding it twice (docs/uitdatabank.md).
    uit_id = models.CharField(
        _("UiTdatabank-id"),
        max_length=255,
        blank=True,
        help_text=_("Het @id in UiTdatabank; leeg voor aanbod dat in dit portaal begon."),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    gewijzigd = models.DateTimeField(_("gewijzigd"), auto_now=True)
    # The begin of the first moment not cancelled and not over, as it was when the moments
    # last changed (``aanbod.services.komend_begin_bijwerken``), None when there was none.
    # Only for sorting the public list without looking at every activity's moments; it goes
    # stale once that moment begins, and the list then looks the moments up after all.
    komend_begin = models.DateTimeField(
        _("begin van het volgende moment"), null=True, blank=True, editable=False
    )

    objects = ActiviteitQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(leeftijd_van__isnull=True)
                | Q(leeftijd_tot__isnull=True)
                | Q(leeftijd_tot__gte=F("leeftijd_van")),
                name="activiteit_leeftijd_volgorde",
            ),
            models.CheckConstraint(condition=Q(prijs__gte=0), name="activiteit_prijs_positief"),
            models.CheckConstraint(
                condition=Q(sociaal_tarief__isnull=True) | Q(sociaal_tarief__lte=F("prijs")),
                name="activiteit_sociaal_tarief_lager",
            ),
            models.CheckConstraint(
                condition=~Q(generiek=F("pk")), name="activiteit_niet_eigen_generiek"
            ),
            models.UniqueConstraint(
                fields=["uit_id"], condition=~Q(uit_id=""), name="activiteit_uit_id_uniek"
            ),
        ]

    def __str__(self):
        return self.titel

    def clean(self):
        fouten = {}
        if (
            self.leeftijd_van is not None
            and self.leeftijd_tot is not None
            and self.leeftijd_tot < self.leeftijd_van
        ):
            fouten["leeftijd_tot"] = gettext(
                "De leeftijd tot ligt onder de leeftijd van; draai ze om."
            )
        if (
            self.sociaal_tarief is not None
            and self.prijs is not None
            and self.sociaal_tarief > self.prijs
        ):
            fouten["sociaal_tarief"] = gettext("Het sociaal tarief is hoger dan de prijs.")
        if self.doorlopend and not self.locatie_id:
            fouten["locatie"] = gettext(
                "Doorlopend aanbod volgt de openingsuren van een locatie: kies die locatie."
            )
        if self.generiek_id and self.pk and self.generiek_id == self.pk:
            fouten["generiek"] = gettext("Een activiteit kan geen lokale versie van zichzelf zijn.")
        if self.generiek_id and self.generiek.generiek_id:
            fouten["generiek"] = gettext(
                "Kies het generieke aanbod zelf, niet een andere lokale versie ervan."
            )
        if self.capaciteit is not None and self.pk:
            fouten.update(self._capaciteit_fouten())
        if fouten:
            raise ValidationError(fouten)

    def _capaciteit_fouten(self) -> dict[str, str]:
        # Registrations live in a module that imports this one.
        from aanbod.models.inschrijving import Inschrijving

        drukste = Inschrijving.objects.drukste_komende_moment(activiteit=self)
        if drukste and drukste["plaatsen"] > self.capaciteit:
            return {
                "capaciteit": gettext(
                    "Er zijn al %(n)s plaatsen bevestigd op %(moment)s; de capaciteit kan niet "
                    "lager zijn."
                )
                % {"n": drukste["plaatsen"], "moment": drukste["moment"]}
            }
        return {}

    @property
    def is_gratis(self) -> bool:
        return self.prijs == 0

    @property
    def leeftijd_tekst(self) -> str:
        """The age range as a parent reads it: “tot 18 maanden”, “2 tot 6 jaar”, “vanaf 3 jaar”."""
        # From 0 months is from birth: no lower bound worth reading.
        van, tot = self.leeftijd_van or None, self.leeftijd_tot
        if van is None and tot is None:
            return gettext("alle leeftijden")
        if tot is None:
            return gettext("vanaf %(leeftijd)s") % {"leeftijd": leeftijd_als_tekst(van)}
        if van is None:
            return gettext("tot %(leeftijd)s") % {"leeftijd": leeftijd_als_tekst(tot)}
        if van == tot:
            return leeftijd_als_tekst(van)
        # One unit is named once, as a parent says it: “2 tot 6 jaar”, not “2 jaar tot 6 jaar”.
        if in_jaren(van) and in_jaren(tot):
            return gettext("%(van)s tot %(tot)s jaar") % {"van": van // 12, "tot": tot // 12}
        if not in_jaren(van) and not in_jaren(tot):
            return gettext("%(van)s tot %(tot)s maanden") % {"van": van, "tot": tot}
        return gettext("%(van)s tot %(tot)s") % {
            "van": leeftijd_als_tekst(van),
            "tot": leeftijd_als_tekst(tot),
        }


def in_jaren(maanden: int) -> bool:
    """Ages from two years on that are whole years read as years."""
    return maanden >= 24 and not maanden % 12


def leeftijd_als_tekst(maanden: int) -> str:
    """Months under two years read as months, whole years as years: 9 maanden, 3 jaar."""
    if not in_jaren(maanden):
        return ngettext("%(n)s maand", "%(n)s maanden", maanden) % {"n": maanden}
    jaren = maanden // 12
    return ngettext("%(n)s jaar", "%(n)s jaar", jaren) % {"n": jaren}
