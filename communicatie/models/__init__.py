"""The public face of the Huis, split by topic; import models from here."""

from communicatie.models.domein import Domein
from communicatie.models.huisstijl import Huisstijl
from communicatie.models.nieuws import Nieuwsbericht
from communicatie.models.nieuwsbrief import Abonnee, Editie, Leeftijdsband, Verzending
from communicatie.models.pagina import Pagina
from communicatie.models.vraag import Vraag

__all__ = [
    "Abonnee",
    "Domein",
    "Editie",
    "Huisstijl",
    "Leeftijdsband",
    "Nieuwsbericht",
    "Pagina",
    "Verzending",
    "Vraag",
]
