"""The partnership, split by topic; import models from here."""

from gemeenten.models.gemeente import GERESERVEERDE_SLUGS, Gemeente
from gemeenten.models.groeimodel import Afvinking, Groeifase, Roltaak, Verwachting, Zelfevaluatie
from gemeenten.models.organigram import Lid, Orgaan
from gemeenten.models.partner import Partner
from gemeenten.models.plan import Afspraak
from gemeenten.models.thema import Thema
from gemeenten.models.visienota import GemeenschappelijkeVisie, Inzet, Visienota

__all__ = [
    "GERESERVEERDE_SLUGS",
    "Afspraak",
    "Afvinking",
    "GemeenschappelijkeVisie",
    "Gemeente",
    "Groeifase",
    "Inzet",
    "Lid",
    "Orgaan",
    "Partner",
    "Roltaak",
    "Thema",
    "Verwachting",
    "Visienota",
    "Zelfevaluatie",
]
