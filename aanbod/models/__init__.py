"""The offer, split by topic; import models from here."""

from aanbod.models.activiteit import Activiteit, Doelgroep, Pijler
from aanbod.models.inschrijving import Bereikcijfer, Inschrijving, Leeftijdsgroep
from aanbod.models.moment import Moment, Reeks

__all__ = [
    "Activiteit",
    "Bereikcijfer",
    "Doelgroep",
    "Inschrijving",
    "Leeftijdsgroep",
    "Moment",
    "Pijler",
    "Reeks",
]
