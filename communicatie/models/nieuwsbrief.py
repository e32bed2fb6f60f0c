"""The newsletter: who subscribed to what, the editions, and one delivery per subscriber.

A subscription is personal data. ``Abonnee`` keeps the minimum: the e-mail address and what
the person wants to read about (gemeenten, target groups, the age bands of their children);
no name. An unconfirmed subscription is deleted after ``HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN``
days, and unsubscribing deletes the row. ``Verzending`` then keeps only an anonymous trace
(the edition and the delivery state; its link to the subscriber becomes empty).
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.models import Doelgroep
from communicatie.models.nieuws import Nieuwsbericht
from gemeenten.models import Gemeente


class Leeftijdsband(models.TextChoices):
    """Ages as a parent thinks of them; each band is a range of months of the child's age."""

    BABY_PEUTER = "0-3", _("0 tot 3 jaar")
    KLEUTER = "3-6", _("3 tot 6 jaar")
    LAGERE_SCHOOL = "6-12", _("6 tot 12 jaar")
    TIENER = "12-18", _("12 tot 18 jaar")

    @property
    def maanden(self) -> tuple[int, int]:
        """The first and the last month of the band (both included)."""
        van, tot = (int(deel) for deel in self.value.split("-"))
        return 12 * van, 12 * tot - 1


class AbonneeQuerySet(models.QuerySet):
    def bevestigd(self):
        return self.filter(bevestigd_op__isnull=False)

    def onbevestigd(self):
        return self.filter(bevestigd_op__isnull=True)

    def te_wissen(self, op=None):
        """Unconfirmed subscriptions older than ``HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN`` days."""
        grens = (op or timezone.now()) - dt.timedelta(
            days=settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN
        )
        return self.onbevestigd().filter(aangemaakt__lt=grens)


class Abonnee(models.Model):
    """Someone who wants the newsletter, and about what.

    Empty target groups or age bands mean "all of them". The row is deleted when the person
    unsubscribes, or when they never confirmed.
    """

    email = models.EmailField(_("e-mailadres"), unique=True)
    gemeenten = models.ManyToManyField(
        Gemeente,
        blank=True,
        related_name="abonnees",
        verbose_name=_("gemeenten"),
        help_text=_("Het aanbod voor inwoners van deze gemeenten."),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep,
        blank=True,
        related_name="abonnees",
        verbose_name=_("doelgroepen"),
        help_text=_("Leeg: alle doelgroepen."),
    )
    leeftijden = models.JSONField(
        _("leeftijden van de kinderen"),
        default=list,
        blank=True,
        help_text=_("Leeftijdsgroepen (bv. “0-3”); leeg: alle leeftijden."),
    )
    aangemaakt = models.DateTimeField(_("ingeschreven op"), default=timezone.now)
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    # When the last confirmation (or "you are already subscribed") mail went out: one form
    # cannot be used to flood somebody's mailbox.
    laatste_mail_op = models.DateTimeField(
        _("laatste bevestigingsmail op"), null=True, blank=True, editable=False
    )

    objects = AbonneeQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnee")
        verbose_name_plural = _("abonnees")
        ordering = ["-aangemaakt", "-pk"]

    def __str__(self):
        # No address: this text labels the admin's history and the audit trail.
        return gettext("Abonnee %(nummer)s") % {"nummer": self.pk}

    @property
    def is_bevestigd(self) -> bool:
        return self.bevestigd_op is not None

    def leeftijden_tekst(self) -> str:
        labels = dict(Leeftijdsband.choices)
        return ", ".join(str(labels[b]) for b in self.leeftijden if b in labels)

    # --- Signed links -------------------------------------------------------------------
    # Confirming: valid as long as an unconfirmed subscription is kept. Unsubscribing: never
    # expires, so anyone can always withdraw from any mail they ever got.

    BEVESTIGEN_ZOUT = "communicatie.nieuwsbrief.bevestigen"
    UITSCHRIJVEN_ZOUT = "communicatie.nieuwsbrief.uitschrijven"

    def bevestigingssleutel(self) -> str:
        return signing.TimestampSigner(salt=self.BEVESTIGEN_ZOUT).sign_object({"i": self.pk})

    def uitschrijfsleutel(self) -> str:
        return signing.Signer(salt=self.UITSCHRIJVEN_ZOUT).sign_object({"i": self.pk})

    @classmethod
    def met_bevestigingssleutel(cls, sleutel: str) -> "Abonnee":
        """The subscription a confirmation link was made for.

        Raises ``signing.BadSignature`` for a tampered link, ``signing.SignatureExpired`` (a
        subclass) for one older than ``HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN`` and ``DoesNotExist``
        when the row is gone.
        """
        inhoud = signing.TimestampSigner(salt=cls.BEVESTIGEN_ZOUT).unsign_object(
            sleutel, max_age=dt.timedelta(days=settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN)
        )
        return cls.objects.get(pk=cls._id_uit(inhoud))

    @classmethod
    def met_uitschrijfsleutel(cls, sleutel: str) -> "Abonnee":
        """The subscription an unsubscribe link was made for (see ``met_bevestigingssleutel``;
        this link does not expire)."""
        inhoud = signing.Signer(salt=cls.UITSCHRIJVEN_ZOUT).unsign_object(sleutel)
        return cls.objects.get(pk=cls._id_uit(inhoud))

    @staticmethod
    def _id_uit(inhoud) -> int:
        if (
            not isinstance(inhoud, dict)
            or not isinstance(inhoud.get("i"), int)
            or isinstance(inhoud["i"], bool)
        ):
            raise signing.BadSignature("unexpected content")
        return inhoud["i"]


class EditieQuerySet(models.QuerySet):
    def in_archief(self):
        """Editions whose sending has started: they are public, newest first."""
        return self.exclude(status=Editie.Status.CONCEPT).order_by("-verstuurd_op", "-pk")

    def met_voortgang(self):
        """Each edition with the number of deliveries per state (``aantal_<state>``)."""
        return self.annotate(
            **{
                f"aantal_{status}": Count("verzendingen", filter=Q(verzendingen__status=status))
                for status in Verzending.Status.values
            }
        )


class Editie(models.Model):
    """One newsletter: an intro, chosen news, and the offer of the weeks after sending.

    The offer is gathered per subscriber when the mail is made (see ``communicatie.nieuwsbrief``).
    Once sending has started, an edition no longer changes: the archive shows what was sent.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        WORDT_VERSTUURD = "wordt_verstuurd", _("wordt verstuurd")
        VERSTUURD = "verstuurd", _("verstuurd")

    titel = models.CharField(
        _("titel"), max_length=150, help_text=_("Ook het onderwerp van de mail.")
    )
    slug = models.SlugField(_("webadres"), max_length=160, unique=True)
    intro = models.TextField(
        _("inleiding"),
        help_text=_(
            "Gewone tekst; een lege regel begint een nieuwe alinea. Begin een regel met “## ” "
            "voor een tussentitel en met “- ” voor een opsomming."
        ),
    )
    nieuwsberichten = models.ManyToManyField(
        Nieuwsbericht,
        blank=True,
        related_name="edities",
        verbose_name=_("nieuwsberichten"),
        help_text=_("Berichten voor een gemeente gaan alleen naar wie die gemeente koos."),
    )
    aanbod_weken = models.PositiveSmallIntegerField(
        _("aanbod voor hoeveel weken"),
        default=4,
        help_text=_(
            "Elke abonnee krijgt het aanbod van de komende weken dat past bij de gemeenten, "
            "doelgroepen en leeftijden die hij koos. 0: geen aanbod."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    aangemaakt = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    verstuurd_op = models.DateTimeField(
        _("versturen gestart op"), null=True, blank=True, editable=False
    )
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True, editable=False)

    objects = EditieQuerySet.as_manager()

    class Meta:
        verbose_name = _("nieuwsbrief")
        verbose_name_plural = _("nieuwsbrieven")
        ordering = ["-aangemaakt", "-pk"]

    def __str__(self):
        return self.titel

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT


class Verzending(models.Model):
    """The delivery of one edition to one subscriber: the unit of the no-double-send rule.

    One row per (edition, subscriber), made when sending starts. A worker takes rows in two
    steps, each a conditional UPDATE that only one worker can win: it *claims* waiting rows
    (``claim`` = its token), and just before the SMTP call it marks the one row it sends
    (``poging_op``). Right after the SMTP server accepted the mail, the row is *verstuurd*.
    A row with ``poging_op`` set is never sent again automatically; see
    ``communicatie.nieuwsbrief`` and docs/nieuwsbrief.md for the whole guarantee.

    No address is stored here: it is read from the subscriber when the mail is made. When the
    subscriber unsubscribes, ``abonnee`` becomes empty and the row is an anonymous count.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("wachtend")
        BEZIG = "bezig", _("bezig")
        VERSTUURD = "verstuurd", _("verstuurd")
        MISLUKT = "mislukt", _("mislukt")
        ONZEKER = "onzeker", _("onzeker")
        OVERGESLAGEN = "overgeslagen", _("overgeslagen")

    editie = models.ForeignKey(
        Editie, on_delete=models.CASCADE, related_name="verzendingen", verbose_name=_("editie")
    )
    abonnee = models.ForeignKey(
        Abonnee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verzendingen",
        verbose_name=_("abonnee"),
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.WACHTEND
    )
    claim = models.CharField(_("genomen door"), max_length=32, blank=True)
    geclaimd_op = models.DateTimeField(_("genomen op"), null=True, blank=True)
    poging_op = models.DateTimeField(_("versturen begonnen op"), null=True, blank=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    # The kind of error only (an exception class): its message may hold the address.
    fout = models.CharField(_("fout"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["editie", "abonnee"],
                condition=Q(abonnee__isnull=False),
                name="verzending_eenmaal_per_abonnee",
            ),
        ]
        indexes = [models.Index(fields=["editie", "status"])]

    def __str__(self):
        return f"{self.editie_id}/{self.pk} ({self.status})"
