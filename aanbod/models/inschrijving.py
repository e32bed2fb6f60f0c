import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod.models.activiteit import Activiteit, leeftijd_als_tekst
from aanbod.models.moment import Moment
from gemeenten.models import Gemeente

# A family registers at most this many children in one go; a bigger group calls the Huis.
MAX_KINDEREN = 6
MAX_VOLWASSENEN = 6


class Leeftijdsgroep(models.TextChoices):
    """Age bands for the anonymous reach: the bands the reports compare gemeenten on."""

    BABY_PEUTER = "0-2", _("0 tot 3 jaar")
    KLEUTER = "3-5", _("3 tot 6 jaar")
    LAGERE_SCHOOL = "6-11", _("6 tot 12 jaar")
    TIENER = "12-17", _("12 tot 18 jaar")
    VOLWASSENE = "volwassene", _("volwassenen")

    @classmethod
    def van_kind(cls, maanden: int) -> "Leeftijdsgroep":
        if maanden < 36:
            return cls.BABY_PEUTER
        if maanden < 72:
            return cls.KLEUTER
        if maanden < 144:
            return cls.LAGERE_SCHOOL
        if maanden < 216:
            return cls.TIENER
        return cls.VOLWASSENE


class InschrijvingQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(status=Inschrijving.Status.BEVESTIGD)

    def wachtlijst(self):
        return self.filter(status=Inschrijving.Status.WACHTLIJST).order_by("aangemaakt", "pk")

    def lopend(self):
        """Confirmed or waiting: registrations that still hold or want a seat."""
        return self.exclude(status=Inschrijving.Status.GEANNULEERD)

    def met_persoonsgegevens(self):
        return self.filter(gewist_op__isnull=True)

    def bezette_plaatsen(self, moment: Moment) -> int:
        """Confirmed seats on ``moment``: families or people, as its activity counts them."""
        bevestigd = self.bevestigd().filter(moment=moment)
        if moment.activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
            return bevestigd.count()
        return bevestigd.aggregate(n=Sum(F("volwassenen") + F("kinderen")))["n"] or 0

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
    """A family's registration for a moment: its seats, its state, and how to reach it.

    The personal fields (name, e-mail, phone, remark, the children's ages) are erased a set
    time after the moment or when the family withdraws (``gewist_op``); the counts, the
    gemeente of residence and the state stay, and the anonymous ``Bereikcijfer`` keeps the reach.
    """

    class Status(models.TextChoices):
        BEVESTIGD = "bevestigd", _("bevestigd")
        WACHTLIJST = "wachtlijst", _("op de wachtlijst")
        GEANNULEERD = "geannuleerd", _("geannuleerd")

    class Kanaal(models.TextChoices):
        WEBSITE = "website", _("website")
        TELEFOON = "telefoon", _("telefoon")
        BALIE = "balie", _("aan de balie")

    moment = models.ForeignKey(
        Moment, on_delete=models.PROTECT, related_name="inschrijvingen", verbose_name=_("moment")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.BEVESTIGD
    )
    volwassenen = models.PositiveSmallIntegerField(_("volwassenen"), default=1)
    kinderen = models.PositiveSmallIntegerField(_("kinderen"), default=0)
    leeftijden = models.JSONField(
        _("leeftijden van de kinderen (in maanden)"), default=list, blank=True
    )
    woonplaats = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inschrijvingen",
        verbose_name=_("woont in"),
        help_text=_("Leeg: woont buiten de deelnemende gemeenten."),
    )
    naam = models.CharField(_("naam"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    opmerking = models.TextField(
        _("opmerking over toegankelijkheid of taal"), max_length=500, blank=True
    )
    kanaal = models.CharField(
        _("ingeschreven via"), max_length=10, choices=Kanaal.choices, default=Kanaal.WEBSITE
    )
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    aangemaakt = models.DateTimeField(_("ingeschreven op"), default=timezone.now)
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    bevestigd_op = models.DateTimeField(_("plaats bevestigd op"), null=True, blank=True)
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    herinnering_verstuurd_op = models.DateTimeField(
        _("herinnering verstuurd op"), null=True, blank=True
    )
    gewist_op = models.DateTimeField(_("persoonsgegevens gewist op"), null=True, blank=True)

    objects = InschrijvingQuerySet.as_manager()

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["aangemaakt", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(volwassenen__gte=1) | models.Q(kinderen__gte=1),
                name="inschrijving_minstens_een_persoon",
            ),
            # The same e-mail address holds or waits for one place per moment.
            models.UniqueConstraint(
                fields=["moment", "email"],
                condition=~Q(email="") & ~Q(status="geannuleerd"),
                name="inschrijving_eenmaal_per_email",
            ),
        ]
        indexes = [models.Index(fields=["moment", "status"])]

    def __str__(self):
        # No name: this text labels audit entries, which outlive the personal data.
        return f"{self.moment} ({self.get_status_display()})"

    @property
    def plaatsen(self) -> int:
        if self.moment.activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
            return 1
        return self.volwassenen + self.kinderen

    @property
    def personen(self) -> int:
        return self.volwassenen + self.kinderen

    @property
    def is_gewist(self) -> bool:
        return self.gewist_op is not None

    def leeftijden_tekst(self) -> str:
        return ", ".join(leeftijd_als_tekst(m) for m in self.leeftijden)

    def personen_tekst(self) -> str:
        volwassenen = ngettext("%(n)s volwassene", "%(n)s volwassenen", self.volwassenen) % {
            "n": self.volwassenen
        }
        if not self.kinderen:
            return volwassenen
        kinderen = ngettext("%(n)s kind", "%(n)s kinderen", self.kinderen) % {"n": self.kinderen}
        if self.leeftijden:
            kinderen = f"{kinderen} ({self.leeftijden_tekst()})"
        return gettext("%(volwassenen)s en %(kinderen)s") % {
            "volwassenen": volwassenen,
            "kinderen": kinderen,
        }

    def personen_per_groep(self) -> dict[str, int]:
        """People of this registration per age band; children without a known age are left out
        of the bands but never of the seat count."""
        groepen: dict[str, int] = {}
        if self.volwassenen:
            groepen[Leeftijdsgroep.VOLWASSENE] = self.volwassenen
        for maanden in self.leeftijden:
            groep = Leeftijdsgroep.van_kind(maanden)
            groepen[groep] = groepen.get(groep, 0) + 1
        return groepen

    # --- The signed link to view, cancel or withdraw without an account -----------------

    SLEUTEL_ZOUT = "aanbod.inschrijving"

    def sleutel(self) -> str:
        return signing.TimestampSigner(salt=self.SLEUTEL_ZOUT).sign_object({"i": self.pk})

    @classmethod
    def met_sleutel(cls, sleutel: str) -> "Inschrijving":
        """The registration a link was made for.

        Raises ``signing.BadSignature`` for a tampered link, ``signing.SignatureExpired`` (a
        subclass) for one older than ``HVK_INSCHRIJVING_LINK_DAGEN`` and ``DoesNotExist`` when
        the row is gone.
        """
        inhoud = signing.TimestampSigner(salt=cls.SLEUTEL_ZOUT).unsign_object(
            sleutel, max_age=dt.timedelta(days=settings.HVK_INSCHRIJVING_LINK_DAGEN)
        )
        if not isinstance(inhoud, dict) or not isinstance(inhoud.get("i"), int):
            raise signing.BadSignature("unexpected content")
        return cls.objects.select_related(
            "moment__activiteit", "moment__locatie", "moment__activiteit__locatie", "woonplaats"
        ).get(pk=inhoud["i"])


class Bereikcijfer(models.Model):
    """Whom the Huis reached: an anonymous count, kept after the personal data is gone.

    One row per moment, gemeente of residence (empty: elsewhere) and age band; ``ingeschreven``
    counts the people of confirmed registrations, ``aanwezig`` those ticked present. The
    registration services keep it up to date in the same transaction as the registration.
    """

    moment = models.ForeignKey(
        Moment, on_delete=models.CASCADE, related_name="bereikcijfers", verbose_name=_("moment")
    )
    activiteit = models.ForeignKey(
        Activiteit,
        on_delete=models.CASCADE,
        related_name="bereikcijfers",
        verbose_name=_("activiteit"),
    )
    maand = models.DateField(_("maand"), help_text=_("De eerste dag van de maand van het moment."))
    woonplaats = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bereikcijfers",
        verbose_name=_("woont in"),
    )
    leeftijdsgroep = models.CharField(
        _("leeftijdsgroep"), max_length=10, choices=Leeftijdsgroep.choices
    )
    ingeschreven = models.PositiveIntegerField(_("ingeschreven"), default=0)
    aanwezig = models.PositiveIntegerField(_("aanwezig"), default=0)

    class Meta:
        verbose_name = _("bereikcijfer")
        verbose_name_plural = _("bereikcijfers")
        ordering = ["maand", "activiteit", "woonplaats", "leeftijdsgroep"]
        constraints = [
            models.UniqueConstraint(
                fields=["moment", "woonplaats", "leeftijdsgroep"],
                condition=Q(woonplaats__isnull=False),
                name="bereik_eenmaal_per_gemeente",
            ),
            models.UniqueConstraint(
                fields=["moment", "leeftijdsgroep"],
                condition=Q(woonplaats__isnull=True),
                name="bereik_eenmaal_elders",
            ),
        ]
        indexes = [models.Index(fields=["maand"])]

    def __str__(self):
        waar = self.woonplaats.naam if self.woonplaats_id else gettext("elders")
        return f"{self.moment} · {waar} · {self.get_leeftijdsgroep_display()}"
