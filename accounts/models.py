from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class GebruikerManager(UserManager):
    """Users are identified by e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Gebruiker(AbstractUser):
    """A person who logs in: coordinator, municipal staff, partner or mandataris."""

    class Rol(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        MEDEWERKER = "medewerker", _("gemeentelijk medewerker")
        PARTNER = "partner", _("partner")
        MANDATARIS = "mandataris", _("mandataris")

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    rol = models.CharField(
        _("rol"),
        max_length=12,
        choices=Rol.choices,
        blank=True,
        help_text=_(
            "Bepaalt wat iemand in het beheer ziet en mag wijzigen. Zonder rol: niets "
            "(behalve voor een superuser)."
        ),
    )
    gemeenten = models.ManyToManyField(
        "gemeenten.Gemeente",
        blank=True,
        related_name="medewerkers",
        verbose_name=_("gemeenten"),
        help_text=_("Voor een gemeentelijk medewerker of mandataris: de eigen gemeente(n)."),
    )
    partner = models.ForeignKey(
        "gemeenten.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gebruikers",
        verbose_name=_("partnerorganisatie"),
        help_text=_("Voor een partner: de organisatie waarvoor deze persoon werkt."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = GebruikerManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        # The role is the one place that says who reaches the admin; the flags Django's admin
        # reads follow it, so they can never disagree. A user without a role keeps its flags
        # (e.g. a superuser made with createsuperuser).
        if self.rol == self.Rol.COORDINATOR:
            self.is_staff = self.is_superuser = True
        elif self.rol in (self.Rol.MEDEWERKER, self.Rol.PARTNER):
            self.is_staff, self.is_superuser = True, False
        elif self.rol == self.Rol.MANDATARIS:
            self.is_staff = self.is_superuser = False
        super().save(*args, **kwargs)

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and (self.is_superuser or self.rol == self.Rol.COORDINATOR)
