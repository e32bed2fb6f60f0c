"""The offer, split by topic; import models from here."""

from aanbod.models.activiteit import Activiteit, Doelgroep, Pijler
from aanbod.models.inschrijving import Inschrijving
from aanbod.models.moment import Moment, Reeks

__all__ = ["Activiteit", "Doelgroep", "Inschrijving", "Moment", "Pijler", "Reeks"]
