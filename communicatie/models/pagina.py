from django.db import models
from django.utils.translation import gettext_lazy as _


class Pagina(models.Model):
    """A page the coordinator keeps: about the Huis, privacy, accessibility statement."""

    class Soort(models.TextChoices):
        OVER = "over", _("Over het Huis")
        PRIVACY = "privacy", _("Privacyverklaring")
        TOEGANKELIJKHEID = "toegankelijkheid", _("Toegankelijkheidsverklaring")

    soort = models.CharField(_("pagina"), max_length=20, choices=Soort.choices, unique=True)
    titel = models.CharField(_("titel"), max_length=150)
    inhoud = models.TextField(
        _("inhoud"), help_text=_("Gewone tekst; een lege regel begint een nieuwe alinea.")
    )
    gewijzigd = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("pagina")
        verbose_name_plural = _("pagina's")
        ordering = ["soort"]

    def __str__(self):
        return self.titel
