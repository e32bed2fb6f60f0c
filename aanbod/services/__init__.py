"""Changes to the offer that touch several rows or send mail, by topic; import from here."""

from aanbod.services.aanbod import AanbodFout, lokale_versies_maken, momenten_uitrollen
from aanbod.services.inschrijvingen import (
    AlIngeschreven,
    Gezin,
    InschrijvingFout,
    Volzet,
    aanwezigheid_noteren,
    annuleren,
    gegevens_wissen,
    herinneringen_versturen,
    inschrijven,
    moment_afgelast,
    persoonsgegevens_opruimen,
    vrije_plaatsen,
    wachtlijst_doorschuiven,
    wachtlijsten_doorschuiven,
)
from aanbod.services.komend import komend_begin_bijwerken

__all__ = [
    "AanbodFout",
    "AlIngeschreven",
    "Gezin",
    "InschrijvingFout",
    "Volzet",
    "aanwezigheid_noteren",
    "annuleren",
    "gegevens_wissen",
    "herinneringen_versturen",
    "inschrijven",
    "komend_begin_bijwerken",
    "lokale_versies_maken",
    "moment_afgelast",
    "momenten_uitrollen",
    "persoonsgegevens_opruimen",
    "vrije_plaatsen",
    "wachtlijst_doorschuiven",
    "wachtlijsten_doorschuiven",
]
