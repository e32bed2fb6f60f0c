"""Places of the Huis, split by topic; import models from here."""

from locaties.models.locatie import Locatie, Taal
from locaties.models.mobiel import Halte, Haltebezoek, Halteschema
from locaties.models.openingsuren import Openingsuur, Uitzondering

__all__ = [
    "Halte",
    "Haltebezoek",
    "Halteschema",
    "Locatie",
    "Openingsuur",
    "Taal",
    "Uitzondering",
]
