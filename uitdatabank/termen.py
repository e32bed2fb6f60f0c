"""The one table between the portal's words and UiTdatabank's terms (docs/uitdatabank.md).

Every term says where its id was read (``bron``). The ids are UiTdatabank's; which portal word
goes with which term is our choice, and the documentation says so per row. Export and import
both read this module and nothing else, so the two directions cannot drift apart.
"""

from dataclasses import dataclass

from aanbod.models import Pijler


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    domain: str  # "eventtype", "theme" or "facility", as UiTdatabank names its domains
    bron: str
    # False for an id read only in an older version of publiq's documentation.
    in_huidige_documentatie: bool = True

    def als_jsonld(self) -> dict:
        return {"id": self.id, "label": self.label, "domain": self.domain}


# Where the ids were read (all public, see docs/uitdatabank.md, "Bronnen").
TYPES = "cultuurnet/udb3-backend, src/Event/EventTypeResolver.php"
THEMAS = "cultuurnet/udb3-backend, src/Event/EventThemeResolver.php"
PLAATSTYPES = "cultuurnet/udb3-backend, features (plaatstype van een locatie)"
VOORZIENINGEN = "cultuurnet/uit-documentatie, categorisatie/voorzieningen.md"
VOORZIENINGEN_OUD = "fienvh/uit-documentatie (oudere versie), categorisatie/voorzieningen.md"

# --- Event types (domain "eventtype"): exactly one per event -----------------------------
# "Kijken en luisteren", "Doen" and "Bezoeken" are headings in UiTdatabank's menus, not types.
LESSENREEKS = Term("0.3.1.0.0", "Lessenreeks", "eventtype", TYPES)  # formerly "Cursus of workshop"
CURSUS_MET_OPEN_SESSIES = Term("0.3.1.0.1", "Cursus met open sessies", "eventtype", TYPES)
LEZING_OF_CONGRES = Term("0.3.2.0.0", "Lezing of congres", "eventtype", TYPES)
SPEL_OF_QUIZ = Term("0.50.21.0.0", "Spel of quiz", "eventtype", TYPES)
THEATERVOORSTELLING = Term("0.55.0.0.0", "Theatervoorstelling", "eventtype", TYPES)
KAMP_OF_VAKANTIE = Term("0.57.0.0.0", "Kamp of vakantie", "eventtype", TYPES)
SPORT_EN_BEWEGING = Term("0.59.0.0.0", "Sport en beweging", "eventtype", TYPES)

# --- Themes (domain "theme"): at most one per event --------------------------------------
OPVOEDING = Term("1.37.0.0.0", "Opvoeding", "theme", THEMAS)
GEZONDHEID_EN_ZORG = Term("1.37.1.0.0", "Gezondheid en zorg", "theme", THEMAS)
SAMENLEVING = Term("1.37.2.0.0", "Samenleving", "theme", THEMAS)

# --- The type of a place ------------------------------------------------------------------
ONTMOETINGSCENTRUM = Term(
    "Yf4aZBfsUEu2NsQqsprngw", "Cultuur- of ontmoetingscentrum", "eventtype", PLAATSTYPES
)

# --- Facilities of a place (domain "facility") --------------------------------------------
# UiTdatabank accepts accessibility facilities only from partners it trusts; a file read by an
# app carries them as facts about the place.
ROLSTOELTOEGANKELIJK = Term("3.27.0.0.0", "Rolstoeltoegankelijk", "facility", VOORZIENINGEN)
BABY_OF_LUIERHOEK = Term(
    "3.8.0.0.0", "Baby- of luierhoek", "facility", VOORZIENINGEN_OUD, in_huidige_documentatie=False
)
AUTOPARKING = Term(
    "3.5.0.0.0", "Autoparking", "facility", VOORZIENINGEN_OUD, in_huidige_documentatie=False
)

# --- Pillar: one event type, and a theme where one fits -----------------------------------
PIJLER_NAAR_UIT: dict[str, tuple[Term, Term | None]] = {
    Pijler.PREVENTIEVE_GEZONDHEIDSZORG: (CURSUS_MET_OPEN_SESSIES, GEZONDHEID_EN_ZORG),
    Pijler.OPVOEDINGSONDERSTEUNING: (CURSUS_MET_OPEN_SESSIES, OPVOEDING),
    Pijler.ONTMOETING: (SPEL_OF_QUIZ, None),
}
# Reading a file: the theme decides first, then the event type. Types that say nothing about
# the pillar (a course can be about anything) are known but lead nowhere.
PIJLER_VAN_THEMA: dict[str, str] = {
    GEZONDHEID_EN_ZORG.id: Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
    OPVOEDING.id: Pijler.OPVOEDINGSONDERSTEUNING,
}
PIJLER_VAN_TYPE: dict[str, str | None] = {
    LESSENREEKS.id: None,
    CURSUS_MET_OPEN_SESSIES.id: None,
    LEZING_OF_CONGRES.id: Pijler.OPVOEDINGSONDERSTEUNING,
    SPEL_OF_QUIZ.id: Pijler.ONTMOETING,
    THEATERVOORSTELLING.id: Pijler.ONTMOETING,
    KAMP_OF_VAKANTIE.id: Pijler.ONTMOETING,
    SPORT_EN_BEWEGING.id: Pijler.ONTMOETING,
}

# --- The portal's themes (gemeenten.Thema, by slug) ---------------------------------------
# A Huis may add themes of its own; those have no UiT theme and travel only in the
# portal's own block (``hvk:aanbod``).
THEMA_NAAR_UIT: dict[str, Term] = {
    "gezondheid": GEZONDHEID_EN_ZORG,
    "opvoedingsondersteuning": OPVOEDING,
    "kinderopvang-lok": OPVOEDING,
    "kinderarmoede": SAMENLEVING,
}
# Back only where the way back is unambiguous.
THEMA_VAN_UIT: dict[str, str] = {
    GEZONDHEID_EN_ZORG.id: "gezondheid",
    OPVOEDING.id: "opvoedingsondersteuning",
}

# --- Target groups (aanbod.Doelgroep, by slug) --------------------------------------------
# The ages (in years, upper bound included) a target group stands for in typicalAgeRange.
DOELGROEP_LEEFTIJD: dict[str, tuple[int, int]] = {
    "gezinnen-0-3": (0, 3),
    "kinderen-3-12": (3, 12),
    "tieners-jongeren": (12, 25),
}
# Offer only for professionals is not for residents: UiTdatabank's audience "members" keeps
# it out of the calendars that residents read.
ALLEEN_PROFESSIONALS = "professionals"
PUBLIEK_IEDEREEN = "everyone"
PUBLIEK_LEDEN = "members"
PUBLIEK_ONDERWIJS = "education"

# --- Accessibility facts of a place (locaties.Locatie field → facility) -------------------
# Kinderwagentoegankelijk and stille ruimte have no UiT facility; they stay in the portal.
VOORZIENING_VAN_VELD: dict[str, Term] = {
    "rolstoeltoegankelijk": ROLSTOELTOEGANKELIJK,
    "verzorgingstafel": BABY_OF_LUIERHOEK,
    "parking": AUTOPARKING,
}

# --- Prices --------------------------------------------------------------------------------
BASISTARIEF = {"nl": "Basistarief"}
SOCIAAL_TARIEF = {"nl": "Sociaal tarief"}
UITPAS_TARIEF = {"nl": "Kansentarief met UiTPAS"}

# --- Weekdays: hvk.herhaling.Weekdag (0 = Monday) → openingHours.dayOfWeek ----------------
WEEKDAGEN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# The "nil location" UiTdatabank gives an online event.
NIL_LOCATIE = "00000000-0000-0000-0000-000000000000"
# The portal's own block in an event: what UiTdatabank has no field for (docs/uitdatabank.md).
EIGEN_BLOK = "hvk:aanbod"


def alle_termen() -> list[Term]:
    """Every term of the table, for the documentation and its test."""
    return [waarde for waarde in globals().values() if isinstance(waarde, Term)]


def bekende_termen() -> dict[str, Term]:
    return {term.id: term for term in alle_termen()}
