"""Validators that several apps share."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

HEX_KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.1 AA: normal text needs a contrast ratio of at least 4.5:1.
MINIMAAL_CONTRAST = 4.5

afbeelding_extensie = FileExtensionValidator(
    allowed_extensions=["png", "jpg", "jpeg", "webp"],
    message=_("Kies een afbeelding in PNG, JPG of WebP (niet “%(extension)s”)."),
)


@deconstructible
class MaximaleBestandsgrootte:
    """Refuse an upload larger than the configured number of bytes."""

    def __init__(self, setting_name="HVK_MAX_AFBEELDING_BYTES"):
        self.setting_name = setting_name

    def __call__(self, bestand):
        limiet = getattr(settings, self.setting_name)
        if bestand.size > limiet:
            raise ValidationError(
                _("Het bestand is %(grootte)s MB; het mag hoogstens %(limiet)s MB zijn."),
                code="te_groot",
                params={
                    "grootte": number_format(bestand.size / 1_048_576, 1),
                    "limiet": number_format(limiet / 1_048_576, 1),
                },
            )

    def __eq__(self, other):
        return isinstance(other, MaximaleBestandsgrootte) and (
            self.setting_name == other.setting_name
        )


def _relatieve_luminantie(hex_kleur: str) -> float:
    kanalen = [int(hex_kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lineair[0] + 0.7152 * lineair[1] + 0.0722 * lineair[2]


def contrast_met_wit(hex_kleur: str) -> float:
    """The WCAG contrast ratio of white text on ``hex_kleur``."""
    return 1.05 / (_relatieve_luminantie(hex_kleur) + 0.05)


def valideer_merkkleur(waarde: str):
    """A brand colour is a hex colour on which white text stays readable (WCAG AA)."""
    if not HEX_KLEUR.match(waarde or ""):
        raise ValidationError(
            _("Geef een kleur als #RRGGBB, bijvoorbeeld #1d5c8f."), code="geen_kleur"
        )
    contrast = contrast_met_wit(waarde)
    if contrast < MINIMAAL_CONTRAST:
        raise ValidationError(
            _(
                "Witte tekst op deze kleur heeft een contrast van %(contrast).1f:1; "
                "kies een donkerdere kleur (minstens 4,5:1 voor toegankelijkheid)."
            ),
            code="te_licht",
            params={"contrast": contrast},
        )


def valideer_pdf(bestand):
    """A PDF is recognised by its content, not by its name."""
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    bestand.seek(0)
    begin = bestand.read(5)
    bestand.seek(positie)
    if begin != b"%PDF-":
        raise ValidationError(
            _("Dit bestand is geen PDF. Laad een PDF-bestand op."), code="geen_pdf"
        )


# Belgium's bounding box (WGS84), with a little margin for border villages.
BELGIE_BREEDTE = (49.49, 51.51)
BELGIE_LENGTE = (2.54, 6.41)


def valideer_breedtegraad(waarde):
    if waarde is not None and not BELGIE_BREEDTE[0] <= float(waarde) <= BELGIE_BREEDTE[1]:
        raise ValidationError(
            _(
                "Deze breedtegraad ligt niet in België (tussen 49,49 en 51,51). "
                "Verwisselde u breedte- en lengtegraad?"
            ),
            code="buiten_belgie",
        )


def valideer_lengtegraad(waarde):
    if waarde is not None and not BELGIE_LENGTE[0] <= float(waarde) <= BELGIE_LENGTE[1]:
        raise ValidationError(
            _(
                "Deze lengtegraad ligt niet in België (tussen 2,54 en 6,41). "
                "Verwisselde u breedte- en lengtegraad?"
            ),
            code="buiten_belgie",
        )


def valideer_emailadres_zonder_stuurtekens(waarde: str):
    """No control or invisible formatting characters in an e-mail address.

    Django's ``EmailValidator`` follows RFC 5322, which allows control characters in a quoted
    local part (``"\\x01"@voorbeeld.be``), and the IDNA step drops a soft hyphen or a
    zero-width space from the domain while the address keeps it. No mailbox a person uses
    has them; stored, they would reach the mails' headers and the admin.
    """
    if any(unicodedata.category(teken) in ("Cc", "Cf") for teken in waarde):
        raise ValidationError(
            _("Vul een geldig e-mailadres in, bv. naam@voorbeeld.be."), code="invalid"
        )
